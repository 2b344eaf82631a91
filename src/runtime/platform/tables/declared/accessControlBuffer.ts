// BC system table 2000000291 "Access Control Buffer": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const accessControlBufferTable = declareTable({
  id: 2000000291,
  name: "Access Control Buffer",
  temporary: true,
  fields: [
    [1, "Company Name", "Text[30]"],
    [2, "Scope", "Option", { options: "System,Tenant" }],
    [3, "App ID", "Guid"],
    [4, "Role ID", "Code[20]"],
  ],
  keys: [["Company Name","Scope","App ID","Role ID"]],
});
