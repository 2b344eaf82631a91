// BC system table 2000000175 "Scheduled Task": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const scheduledTaskTable = declareTable({
  id: 2000000175,
  name: "Scheduled Task",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Guid"],
    [2, "User ID", "Guid"],
    [3, "User Name", "Text[50]"],
    [4, "User Language ID", "Integer"],
    [5, "User Format ID", "Integer"],
    [6, "User Time Zone", "Text[32]"],
    [7, "User App ID", "Text[20]"],
    [10, "Company", "Text[30]"],
    [11, "Is Ready", "Boolean"],
    [12, "Not Before", "DateTime"],
    [20, "Run Codeunit", "Integer"],
    [21, "Failure Codeunit", "Integer"],
    [22, "Record", "RecordId"],
    [23, "Timeout", "Duration"],
    [24, "Tenant ID", "Text[128]"],
    [25, "Last Error", "Blob"],
    [26, "Auth Delegation Related Record", "RecordId"],
    [27, "Auth Delegation Type", "Enum \"Scheduled Task Auth Delegation Type\""],
  ],
  keys: [["ID"], ["Record"], ["Tenant ID","Not Before"]],
});
