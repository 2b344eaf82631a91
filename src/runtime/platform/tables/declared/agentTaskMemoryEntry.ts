// BC system table 2000000264 "Agent Task Memory Entry": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskMemoryEntryTable = declareTable({
  id: 2000000264,
  name: "Agent Task Memory Entry",
  dataPerCompany: false,
  fields: [
    [1, "Task ID", "BigInteger"],
    [2, "ID", "Integer"],
    [3, "User Security ID", "Guid"],
    [4, "Type", "Enum \"Agent Task Memory Entry Type\""],
    [5, "Details", "Blob"],
    [6, "Description", "Text[2048]"],
    [7, "User Full Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "lookup(\"User\".\"Full Name\" where(\"User Security ID\" = field(\"User Security ID\")))" }],
    [8, "Context", "Blob"],
  ],
  keys: [["Task ID","ID"]],
});
