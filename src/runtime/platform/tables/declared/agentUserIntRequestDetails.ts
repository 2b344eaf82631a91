// BC system table 2000000286 "Agent User Int Request Details": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentUserIntRequestDetailsTable = declareTable({
  id: 2000000286,
  name: "Agent User Int Request Details",
  temporary: true,
  fields: [
    [1, "Agent User ID", "Guid"],
    [2, "Task ID", "BigInteger"],
    [3, "Type", "Enum \"Agent User Int Request Type\""],
    [4, "Page ID", "Integer"],
    [5, "Record ID", "RecordId"],
  ],
  keys: [["Agent User ID","Task ID","Type"]],
});
