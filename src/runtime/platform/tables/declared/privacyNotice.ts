// BC system table 2000000237 "Privacy Notice": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const privacyNoticeTable = declareTable({
  id: 2000000237,
  name: "Privacy Notice",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Code[50]"],
    [2, "Integration Service Name", "Text[250]"],
    [3, "Link", "Text[2048]"],
    [4, "User SID Filter", "Guid", { fieldClass: 'FlowFilter' }],
    [5, "Enabled", "Boolean", { fieldClass: 'FlowField', calcFormula: "exist(\"Privacy Notice Approval\" where(ID = field(ID), \"User SID\" = field(\"User SID Filter\"), Approved = const(true)))" }],
    [6, "Disabled", "Boolean", { fieldClass: 'FlowField', calcFormula: "exist(\"Privacy Notice Approval\" where(ID = field(ID), \"User SID\" = field(\"User SID Filter\"), Approved = const(false)))" }],
  ],
  keys: [["Id"], ["Integration Service Name"]],
});
