// BC system table 2000000260 "Agent": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTable = declareTable({
  id: 2000000260,
  name: "Agent",
  dataPerCompany: false,
  fields: [
    [1, "User Security ID", "Guid"],
    [2, "Agent Metadata Provider", "Enum \"Agent Metadata Provider\""],
    [3, "User Name", "Code[50]"],
    [4, "Display Name", "Text[80]"],
    [5, "State", "Option", { options: "Enabled,Disabled" }],
    [6, "App ID", "Guid"],
    [7, "First Time Setup Page ID", "Integer"],
    [8, "Summary Page ID", "Integer"],
    [9, "Setup Page ID", "Integer"],
    [10, "Can Access Current Company", "Boolean"],
    [11, "Tasks Needing Attention", "Integer", { fieldClass: 'FlowField', calcFormula: "count(\"Agent Task\" where(\"Agent User Security ID\" = field(\"User Security ID\"),\n                                                   \"Needs Attention\" = const(true)))" }],
    [12, "Can Current User Use Agent", "Boolean"],
    [13, "Can Curr. User Configure Agent", "Boolean"],
    [14, "Annotations", "Blob"],
    [15, "Initials", "Text[4]"],
  ],
  keys: [["User Security ID"]],
});
