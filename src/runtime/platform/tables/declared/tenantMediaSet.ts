// BC system table 2000000183 "Tenant Media Set": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantMediaSetTable = declareTable({
  id: 2000000183,
  name: "Tenant Media Set",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Guid"],
    [2, "Media ID", "Media"],
    [3, "Company Name", "Text[30]"],
    [4, "Media Index", "BigInteger"],
  ],
  keys: [["ID","Media ID"], ["Media Index"], ["Company Name"]],
});
