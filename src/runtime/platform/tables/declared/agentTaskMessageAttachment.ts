// BC system table 2000000275 "Agent Task Message Attachment": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskMessageAttachmentTable = declareTable({
  id: 2000000275,
  name: "Agent Task Message Attachment",
  dataPerCompany: false,
  fields: [
    [1, "Task ID", "BigInteger"],
    [2, "Message ID", "Guid"],
    [3, "File ID", "BigInteger"],
    [4, "Text Content", "Blob"],
    [5, "Ignored", "Boolean"],
  ],
  keys: [["Task ID","Message ID","File ID"], ["Task ID","Message ID"]],
});
