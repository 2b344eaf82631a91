// BC system table 2000000166 "Tenant Permission": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantPermissionTable = declareTable({
  id: 2000000166,
  name: "Tenant Permission",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[20]"],
    [3, "Role Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Tenant Permission Set\".Name WHERE(\"App ID\" = FIELD(\"App ID\"),\n                                                                     \"Role ID\" = FIELD(\"Role ID\")))" }],
    [4, "Object Type", "Option", { options: "\"Table Data\",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",\"MenuSuite\",\"Page\",\"Query\",\"System\",,,,,,,,," }],
    [5, "Object ID", "Integer"],
    [6, "Object Name", "Text[249]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Caption\" WHERE(\"Object Type\" = FIELD(\"Object Type\"),\n                                                                           \"Object ID\" = FIELD(\"Object ID\")))" }],
    [7, "Read Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [8, "Insert Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [9, "Modify Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [10, "Delete Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [11, "Execute Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [12, "Security Filter", "TableFilter"],
    [13, "Type", "Option", { options: "Include,Exclude" }],
  ],
  keys: [["App ID","Role ID","Object Type","Object ID"]],
});
