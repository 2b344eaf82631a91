// BC system table 2000000120 "User": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const userTable = declareTable({
  id: 2000000120,
  name: "User",
  dataPerCompany: false,
  fields: [
    [1, "User Security ID", "Guid"],
    [2, "User Name", "Code[50]"],
    [3, "Full Name", "Text[80]"],
    [4, "State", "Option", { options: "Enabled,Disabled" }],
    [5, "Expiry Date", "DateTime"],
    [7, "Windows Security ID", "Text[119]"],
    [8, "Change Password", "Boolean"],
    [10, "License Type", "Option", { options: "\"Full User\",\"Limited User\",\"Device Only User\",\"Windows Group\",\"External User\",\"External Administrator\",\"External Accountant\",\"Application\",\"AAD Group\",\"Agent\"" }],
    [11, "Authentication Email", "Text[250]"],
    [14, "Contact Email", "Text[250]"],
    [15, "Exchange Identifier", "Text[250]"],
    [16, "Application ID", "Guid"],
  ],
  keys: [["User Security ID"], ["User Name"], ["Windows Security ID"]],
});
