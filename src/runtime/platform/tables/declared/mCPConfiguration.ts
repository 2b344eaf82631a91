// BC system table 2000000292 "MCP Configuration": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const mCPConfigurationTable = declareTable({
  id: 2000000292,
  name: "MCP Configuration",
  dataPerCompany: false,
  fields: [
    [1, "Name", "Text[100]"],
    [2, "Description", "Text[250]"],
    [3, "EnableDynamicToolMode", "Boolean"],
    [4, "Active", "Boolean"],
    [5, "AllowProdChanges", "Boolean"],
    [6, "DiscoverReadOnlyObjects", "Boolean"],
  ],
  keys: [["Name"]],
});
