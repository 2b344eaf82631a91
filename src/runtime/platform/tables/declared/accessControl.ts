// BC system table 2000000053 "Access Control": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const accessControlTable = declareTable({
  id: 2000000053,
  name: "Access Control",
  dataPerCompany: false,
  fields: [
    [1, "User Security ID", "Guid"],
    [2, "Role ID", "Code[20]"],
    [3, "Company Name", "Text[30]"],
    [5, "User Name", "Code[50]", { fieldClass: 'FlowField', calcFormula: "Lookup(User.\"User Name\" WHERE(\"User Security ID\" = FIELD(\"User Security ID\")))" }],
    [7, "Role Name", "Text[30]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Aggregate Permission Set\".Name WHERE(Scope = FIELD(Scope),\n                                                                        \"App ID\" = FIELD(\"App ID\"),\n                                                                        \"Role ID\" = FIELD(\"Role ID\")))" }],
    [8, "Scope", "Option", { options: "System,Tenant" }],
    [9, "App ID", "Guid"],
    [10, "App Name", "Text[250]", { fieldClass: 'FlowField', calcFormula: "Lookup(\"Aggregate Permission Set\".\"App Name\" WHERE(Scope = FIELD(Scope),\n                                                                              \"App ID\" = FIELD(\"App ID\"),\n                                                                              \"Role ID\" = FIELD(\"Role ID\")))" }],
  ],
  keys: [["User Security ID","Role ID","Company Name","Scope","App ID"], ["Role ID"]],
});
