// BC system table 2000000282 "Agent Task Log Entry": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskLogEntryTable = declareTable({
  id: 2000000282,
  name: "Agent Task Log Entry",
  dataPerCompany: false,
  fields: [
    [1, "Task ID", "BigInteger"],
    [2, "ID", "Integer"],
    [3, "User Security ID", "Guid"],
    [4, "Type", "Enum \"Agent Task Log Entry Type\""],
    [5, "Details", "Blob"],
    [6, "Description", "Text[2048]"],
    [7, "Level", "Option", { options: "Information,Warning,Error" }],
    [8, "Page Caption", "Text[150]"],
    [9, "User Full Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "lookup(\"User\".\"Full Name\" where(\"User Security ID\" = field(\"User Security ID\")))" }],
    [10, "Memory Entry ID", "Integer"],
  ],
  keys: [["Task ID","ID"]],
});
