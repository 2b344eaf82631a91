// BC system table 2000000063 "Key": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const keyTable = declareTable({
  id: 2000000063,
  name: "Key",
  dataPerCompany: false,
  fields: [
    [1, "TableNo", "Integer"],
    [2, "No.", "Integer"],
    [3, "TableName", "Text[30]"],
    [4, "Key", "Text[250]"],
    [5, "SumIndexFields", "Text[250]"],
    [6, "SQLIndex", "Text[250]"],
    [7, "Enabled", "Boolean"],
    [8, "MaintainSQLIndex", "Boolean"],
    [9, "MaintainSIFTIndex", "Boolean"],
    [10, "Clustered", "Boolean"],
    [11, "ObsoleteState", "Option", { options: "No,Pending,Removed" }],
    [12, "ObsoleteReason", "Text[30]"],
    [13, "Unique", "Boolean"],
  ],
  keys: [["TableNo","No."]],
});
