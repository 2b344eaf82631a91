// BC system table 2000000167 "Aggregate Permission Set": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const aggregatePermissionSetTable = declareTable({
  id: 2000000167,
  name: "Aggregate Permission Set",
  dataPerCompany: false,
  fields: [
    [1, "Scope", "Option", { options: "System,Tenant" }],
    [2, "App ID", "Guid"],
    [3, "Role ID", "Code[20]"],
    [4, "Name", "Text[30]"],
    [5, "App Name", "Text[250]"],
  ],
  keys: [["Scope","App ID","Role ID"]],
});
