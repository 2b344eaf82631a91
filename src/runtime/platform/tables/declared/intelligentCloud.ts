// BC system table 2000000146 "Intelligent Cloud": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const intelligentCloudTable = declareTable({
  id: 2000000146,
  name: "Intelligent Cloud",
  dataPerCompany: false,
  fields: [
    [1, "Primary Key", "Text[10]"],
    [2, "Enabled", "Boolean"],
  ],
  keys: [["Primary Key"]],
});
