// BC system table 2000000189 "Tenant License State": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantLicenseStateTable = declareTable({
  id: 2000000189,
  name: "Tenant License State",
  dataPerCompany: false,
  fields: [
    [1, "Start Date", "DateTime"],
    [2, "End Date", "DateTime"],
    [3, "State", "Option", { options: "Evaluation,Trial,Paid,Warning,Suspended,Deleted,,,,LockedOut" }],
    [4, "User Security ID", "Guid"],
  ],
  keys: [["Start Date"]],
});
