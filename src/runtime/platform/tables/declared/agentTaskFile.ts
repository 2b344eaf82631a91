// BC system table 2000000274 "Agent Task File": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskFileTable = declareTable({
  id: 2000000274,
  name: "Agent Task File",
  dataPerCompany: false,
  fields: [
    [1, "Task ID", "BigInteger"],
    [2, "ID", "BigInteger"],
    [3, "File Name", "Text[250]"],
    [4, "File MIME Type", "Text[100]"],
    [5, "Content", "Blob"],
  ],
  keys: [["Task ID","ID"]],
});
