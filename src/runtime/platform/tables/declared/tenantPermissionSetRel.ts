// BC system table 2000000253 "Tenant Permission Set Rel.": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantPermissionSetRelTable = declareTable({
  id: 2000000253,
  name: "Tenant Permission Set Rel.",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[30]"],
    [3, "Related App ID", "Guid"],
    [4, "Related Role ID", "Code[30]"],
    [5, "Type", "Option", { options: "Include,Exclude" }],
    [6, "Related Scope", "Option", { options: "System,Tenant" }],
  ],
  keys: [["App ID","Role ID","Related App ID","Related Role ID"]],
});
