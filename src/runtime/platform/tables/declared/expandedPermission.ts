// BC system table 2000000254 "Expanded Permission": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const expandedPermissionTable = declareTable({
  id: 2000000254,
  name: "Expanded Permission",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[30]"],
    [3, "Role Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Aggregate Permission Set\".Name WHERE(\"Role ID\" = FIELD(\"Role ID\"), \"App ID\" = FIELD(\"App ID\"), Scope = FIELD(Scope)))" }],
    [4, "Object Type", "Option", { options: "\"Table Data\",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",\"MenuSuite\",\"Page\",\"Query\",\"System\",,,,,,,,," }],
    [5, "Object ID", "Integer"],
    [6, "Object Name", "Text[249]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Caption\" WHERE(\"Object Type\" = FIELD(\"Object Type\"),\n                                                                           \"Object ID\" = FIELD(\"Object ID\")))" }],
    [7, "Read Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [8, "Insert Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [9, "Modify Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [10, "Delete Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [11, "Execute Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [12, "Security Filter", "TableFilter"],
    [13, "AL Object Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Name\" WHERE(\"Object Type\" = FIELD(\"Object Type\"),\n                                                                           \"Object ID\" = FIELD(\"Object ID\")))" }],
    [14, "Scope", "Option", { options: "System,Tenant" }],
  ],
  keys: [["App ID","Role ID","Object Type","Object ID"]],
});
