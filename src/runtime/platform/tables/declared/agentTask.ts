// BC system table 2000000262 "Agent Task": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskTable = declareTable({
  id: 2000000262,
  name: "Agent Task",
  dataPerCompany: false,
  fields: [
    [1, "ID", "BigInteger"],
    [2, "Agent User Security ID", "Guid"],
    [3, "Created By", "Guid"],
    [4, "Status", "Enum \"Agent Task Status\""],
    [5, "Company Name", "Text[30]"],
    [6, "Last Log Entry ID", "Integer"],
    [7, "Last Log Entry Timestamp", "DateTime"],
    [8, "Agent User Name", "Code[50]", { fieldClass: 'FlowField', calcFormula: "lookup(\"Agent\".\"User Name\" where(\"User Security ID\" = field(\"Agent User Security ID\")))" }],
    [9, "Agent Display Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "lookup(\"Agent\".\"Display Name\" where(\"User Security ID\" = field(\"Agent User Security ID\")))" }],
    [10, "Created By User Name", "Code[50]", { fieldClass: 'FlowField', calcFormula: "lookup(\"User\".\"User Name\" where(\"User Security ID\" = field(\"Created By\")))" }],
    [11, "Created By Full Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "lookup(\"User\".\"Full Name\" where(\"User Security ID\" = field(\"Created By\")))" }],
    [12, "External ID", "Text[2048]"],
    [13, "Title", "Text[150]"],
    [14, "Created With Current Instructions", "Boolean"],
    [15, "Needs Attention", "Boolean"],
  ],
  keys: [["ID"]],
});
