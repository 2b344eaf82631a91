// BC system table 2000000004 "Permission Set": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const permissionSetTable = declareTable({
  id: 2000000004,
  name: "Permission Set",
  dataPerCompany: false,
  fields: [
    [1, "Role ID", "Code[20]"],
    [2, "Name", "Text[30]"],
    [3, "Hash", "Text[250]"],
  ],
  keys: [["Role ID"]],
});
