// BC system table 2000000200 "NAV App Tenant Operation": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const nAVAppTenantOperationTable = declareTable({
  id: 2000000200,
  name: "NAV App Tenant Operation",
  dataPerCompany: false,
  fields: [
    [1, "Operation ID", "Guid"],
    [2, "Started On", "DateTime"],
    [3, "Operation Type", "Option", { options: "DeployTarget,DeployPackage" }],
    [4, "Status", "Option", { options: "Unknown,InProgress,Failed,Completed,NotFound" }],
    [5, "Details", "Blob"],
    [6, "Metadata Version", "Integer"],
    [7, "Metadata", "Blob"],
    [8, "Metadata Key", "Text[250]"],
    [9, "Description", "Text[250]"],
  ],
  keys: [["Operation ID"], ["Operation Type","Metadata Key"]],
});
