// BC system table 2000000007 "Date": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const dateTable = declareTable({
  id: 2000000007,
  name: "Date",
  dataPerCompany: false,
  fields: [
    [1, "Period Type", "Option", { options: "\"Date\",Week,Month,Quarter,Year" }],
    [2, "Period Start", "Date"],
    [3, "Period End", "Date"],
    [4, "Period No.", "Integer"],
    [5, "Period Name", "Text[31]"],
    [6, "Period Invariant Name", "Text[31]"],
  ],
  keys: [["Period Type","Period Start"]],
});
