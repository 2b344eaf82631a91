// BC system table 2000000293 "MCP Configuration Tool": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const mCPConfigurationToolTable = declareTable({
  id: 2000000293,
  name: "MCP Configuration Tool",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Guid"],
    [2, "Object Type", "Option", { options: "Page" }],
    [3, "Object ID", "Integer"],
    [10, "Allow Read", "Boolean"],
    [11, "Allow Create", "Boolean"],
    [12, "Allow Modify", "Boolean"],
    [13, "Allow Delete", "Boolean"],
    [14, "Allow Bound Actions", "Boolean"],
  ],
  keys: [["ID","Object Type","Object ID"], ["ID"]],
});
