// BC system table 2000000283 "Agent Annotation": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentAnnotationTable = declareTable({
  id: 2000000283,
  name: "Agent Annotation",
  temporary: true,
  fields: [
    [1, "Code", "Text[20]"],
    [2, "Message", "Text[2048]"],
    [3, "Details", "Text[2048]"],
    [4, "Severity", "Option", { options: "Info,Warning,Error" }],
  ],
  keys: [["Code"]],
});
