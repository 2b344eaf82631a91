// BC system table 2000000238 "Privacy Notice Approval": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const privacyNoticeApprovalTable = declareTable({
  id: 2000000238,
  name: "Privacy Notice Approval",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Code[50]"],
    [2, "User SID", "Guid"],
    [3, "Approver User SID", "Guid"],
    [4, "Approved", "Boolean"],
  ],
  keys: [["Id","User SID"]],
});
