// BC system table 2000000165 "Tenant Permission Set": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantPermissionSetTable = declareTable({
  id: 2000000165,
  name: "Tenant Permission Set",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[20]"],
    [3, "Name", "Text[30]"],
    [4, "Assignable", "Boolean"],
  ],
  keys: [["App ID","Role ID"]],
});
