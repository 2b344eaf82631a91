// BC system table 2000000263 "Agent Task Message": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const agentTaskMessageTable = declareTable({
  id: 2000000263,
  name: "Agent Task Message",
  dataPerCompany: false,
  fields: [
    [1, "Task ID", "BigInteger"],
    [2, "ID", "Guid"],
    [3, "Type", "Option", { options: "Input,Output" }],
    [4, "Status", "Option", { options: "\" \",Draft,Sent,Reviewed,Rejected,Discarded" }],
    [5, "Content", "Blob"],
    [6, "Created By Full Name", "Text[80]", { fieldClass: 'FlowField', calcFormula: "lookup(\"User\".\"Full Name\" where(\"User Security ID\" = field(SystemCreatedBy)))" }],
    [7, "External ID", "Text[2048]"],
    [8, "Input Message ID", "Guid"],
    [9, "Status Reason", "Text[250]"],
    [10, "From", "Text[250]"],
    [11, "Properties", "Blob"],
    [12, "Requires Review", "Boolean"],
    [13, "Agent User Security ID", "Guid"],
    [14, "Memory Entry ID", "Integer"],
  ],
  keys: [["Task ID","ID"]],
});
