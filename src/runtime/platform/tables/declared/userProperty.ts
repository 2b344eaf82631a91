// BC system table 2000000121 "User Property": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const userPropertyTable = declareTable({
  id: 2000000121,
  name: "User Property",
  dataPerCompany: false,
  fields: [
    [1, "User Security ID", "Guid"],
    [2, "Password", "Text[80]"],
    [3, "Name Identifier", "Text[250]"],
    [4, "Authentication Key", "Text[80]"],
    [5, "WebServices Key", "Text[80]"],
    [6, "WebServices Key Expiry Date", "DateTime"],
    [7, "Authentication Object ID", "Text[80]"],
    [8, "Directory Role ID", "Text[80]"],
    [9, "Directory Role ID List", "Blob"],
    [10, "Telemetry User ID", "Guid"],
  ],
  keys: [["User Security ID"]],
});
