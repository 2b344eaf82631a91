// BC system table 2000000073 "User Personalization": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const userPersonalizationTable = declareTable({
  id: 2000000073,
  name: "User Personalization",
  dataPerCompany: false,
  fields: [
    [3, "User SID", "Guid"],
    [6, "User ID", "Code[50]", { fieldClass: 'FlowField', calcFormula: "Lookup(User.\"User Name\" WHERE(\"User Security ID\" = FIELD(\"User SID\")))" }],
    [7, "Full Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "Lookup(User.\"Full Name\" WHERE(\"User Name\" = FIELD(\"User ID\")))" }],
    [9, "Profile ID", "Code[30]"],
    [10, "App ID", "Guid"],
    [11, "Scope", "Option", { options: "System,Tenant" }],
    [12, "Language ID", "Integer"],
    [13, "Language Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Windows Language\".Name WHERE(\"Language ID\" = FIELD(\"Language ID\")))" }],
    [15, "Company", "Text[30]"],
    [18, "Debugger Break On Error", "Boolean"],
    [21, "Debugger Break On Rec Changes", "Boolean"],
    [24, "Debugger Skip System Triggers", "Boolean"],
    [27, "Locale ID", "Integer"],
    [28, "Region", "Text[80]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Windows Language\".Name WHERE(\"Language ID\" = FIELD(\"Locale ID\")))" }],
    [30, "Time Zone", "Text[180]"],
    [31, "License Type", "Option", { options: "\"Full User\",\"Limited User\",\"Device Only User\",\"Windows Group\",\"External User\",\"External Administrator\",\"External Accountant\",\"Application\",\"AAD Group\",\"Agent\"", fieldClass: 'FlowField', calcFormula: "Lookup(User.\"License Type\" WHERE(\"User Security ID\" = FIELD(\"User SID\")))" }],
    [32, "Customization Status", "Option", { options: "Updated,\"Recompilation Needed\",\"Recompilation Failed\"" }],
    [33, "Role", "Text[100]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"All Profile\".Caption WHERE(\"Profile ID\" = FIELD(\"Profile ID\"), Scope = FIELD(Scope), \"App ID\" = FIELD(\"App ID\")))" }],
    [34, "Emit Version", "Integer"],
  ],
  keys: [["User SID"], ["Profile ID"], ["Company"]],
});
