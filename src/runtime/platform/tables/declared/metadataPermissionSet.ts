// BC system table 2000000250 "Metadata Permission Set": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const metadataPermissionSetTable = declareTable({
  id: 2000000250,
  name: "Metadata Permission Set",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Role ID", "Code[30]"],
    [3, "Name", "Text[30]"],
    [4, "Assignable", "Boolean"],
  ],
  keys: [["App ID","Role ID"]],
});
