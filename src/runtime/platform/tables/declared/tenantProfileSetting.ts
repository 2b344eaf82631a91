// BC system table 2000000083 "Tenant Profile Setting": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantProfileSettingTable = declareTable({
  id: 2000000083,
  name: "Tenant Profile Setting",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Profile ID", "Code[30]"],
    [3, "Default Role Center", "Boolean"],
    [4, "Disable Personalization", "Boolean"],
  ],
  keys: [["App ID","Profile ID"]],
});
