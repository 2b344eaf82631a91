// BC system table 2000000261 "Agent Access Control": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentAccessControlTable = declareTable({
  id: 2000000261,
  name: "Agent Access Control",
  dataPerCompany: false,
  fields: [
    [1, "Agent User Security ID", "Guid"],
    [2, "User Security ID", "Guid"],
    [3, "Can Configure Agent", "Boolean"],
  ],
  keys: [["Agent User Security ID","User Security ID"]],
});
