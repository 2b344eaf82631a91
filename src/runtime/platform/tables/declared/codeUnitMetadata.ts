// BC system table 2000000137 "CodeUnit Metadata": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const codeUnitMetadataTable = declareTable({
  id: 2000000137,
  name: "CodeUnit Metadata",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Integer"],
    [2, "Name", "Text[30]"],
    [3, "TableNo", "Integer"],
    [4, "SingleInstance", "Boolean"],
    [5, "SubType", "Option", { options: "Normal,Test,TestRunner,Upgrade" }],
    [6, "App ID", "Guid"],
    [7, "InherentPermissions", "Text[5]"],
    [8, "InherentEntitlements", "Text[5]"],
    [9, "TestType", "Option", { options: "None,UnitTest,IntegrationTest,Uncategorized,AITest" }],
    [10, "RequiredTestIsolation", "Option", { options: "None,Disabled,Codeunit,Function" }],
    [11, "AL Namespace", "Text[500]"],
  ],
  keys: [["ID"]],
});
