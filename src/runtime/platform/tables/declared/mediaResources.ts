// BC system table 2000000182 "Media Resources": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const mediaResourcesTable = declareTable({
  id: 2000000182,
  name: "Media Resources",
  dataPerCompany: false,
  fields: [
    [1, "Code", "Code[50]"],
    [2, "MediaSet Reference", "MediaSet"],
    [3, "Media Reference", "Media"],
    [4, "Blob", "Blob"],
  ],
  keys: [["Code"]],
});
