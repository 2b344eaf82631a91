// BC system table 2000000244 "Extension Database Snapshot": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const extensionDatabaseSnapshotTable = declareTable({
  id: 2000000244,
  name: "Extension Database Snapshot",
  dataPerCompany: false,
  fields: [
    [1, "App Id", "Guid"],
    [2, "Package Id", "Guid"],
    [3, "Name", "Text[80]"],
    [4, "Publisher", "Text[250]"],
    [5, "Schema Version", "Text[250]"],
    [6, "Runtime Package Id", "Guid"],
    [7, "Status", "Option", { options: "\"Unpublished\",\"Published\",\"Installed\"" }],
    [8, "Published As", "Option", { options: "\"Unpublished\",\"Global\",\"PTE\",\"Dev\"" }],
  ],
  keys: [["App Id","Package Id"]],
});
