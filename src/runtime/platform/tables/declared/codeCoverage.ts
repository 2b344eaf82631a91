// BC system table 2000000049 "Code Coverage": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const codeCoverageTable = declareTable({
  id: 2000000049,
  name: "Code Coverage",
  dataPerCompany: false,
  fields: [
    [1, "Object Type", "Option", { options: ",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",,\"Page\",\"Query\",,,,,\"PageExtension\",\"TableExtension\",\"Enum\",\"EnumExtension\",\"Profile\",\"ProfileExtension\",\"PermissionSet\",\"PermissionSetExtension\",\"ReportExtension\"" }],
    [2, "Object ID", "Integer"],
    [3, "Line No.", "Integer"],
    [4, "Line Type", "Option", { options: "Object,\"Trigger/Function\",Empty,Code" }],
    [5, "Line", "Text[250]"],
    [6, "No. of Hits", "Integer"],
    [7, "Code Coverage Status", "Option", { options: "NonApplicable,NotCovered,Covered,PartiallyCovered" }],
    [8, "Method Id", "Integer"],
  ],
  keys: [["Object Type","Object ID","Line No."]],
});
