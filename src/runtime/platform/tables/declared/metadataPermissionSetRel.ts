// BC system table 2000000252 "Metadata Permission Set Rel.": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const metadataPermissionSetRelTable = declareTable({
  id: 2000000252,
  name: "Metadata Permission Set Rel.",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[30]"],
    [3, "Related App ID", "Guid"],
    [4, "Related Role ID", "Code[30]"],
    [5, "Type", "Option", { options: "Include,Exclude" }],
  ],
  keys: [["App ID","Role ID","Related App ID","Related Role ID"]],
});
