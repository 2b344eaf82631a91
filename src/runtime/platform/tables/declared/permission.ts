// BC system table 2000000005 "Permission": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const permissionTable = declareTable({
  id: 2000000005,
  name: "Permission",
  dataPerCompany: false,
  fields: [
    [1, "Role ID", "Code[20]"],
    [2, "Role Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Permission Set\".Name WHERE(\"Role ID\" = FIELD(\"Role ID\")))" }],
    [3, "Object Type", "Option", { options: "\"Table Data\",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",\"MenuSuite\",\"Page\",\"Query\",\"System\",,,,,,,,," }],
    [4, "Object ID", "Integer"],
    [5, "Object Name", "Text[249]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Caption\" WHERE(\"Object Type\" = FIELD(\"Object Type\"),\n                                                                           \"Object ID\" = FIELD(\"Object ID\")))" }],
    [6, "Read Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [7, "Insert Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [8, "Modify Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [9, "Delete Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [10, "Execute Permission", "Option", { options: "\" \",Yes,Indirect" }],
    [11, "Security Filter", "TableFilter"],
    [12, "AL Object Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Name\" WHERE(\"Object Type\" = FIELD(\"Object Type\"),\n                                                                           \"Object ID\" = FIELD(\"Object ID\")))" }],
  ],
  keys: [["Role ID","Object Type","Object ID"]],
});
