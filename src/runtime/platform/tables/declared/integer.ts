// BC system table 2000000026 "Integer": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const integerTable = declareTable({
  id: 2000000026,
  name: "Integer",
  dataPerCompany: false,
  fields: [
    [1, "Number", "Integer"],
  ],
  keys: [["Number"]],
});
