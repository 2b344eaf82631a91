// BC system table 2000000068 "Record Link": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const recordLinkTable = declareTable({
  id: 2000000068,
  name: "Record Link",
  dataPerCompany: false,
  fields: [
    [1, "Link ID", "Integer", { autoIncrement: true }],
    [2, "Record ID", "RecordId"],
    [3, "URL1", "Text[2048]"],
    [4, "URL2", "Text[250]"],
    [5, "URL3", "Text[250]"],
    [6, "URL4", "Text[250]"],
    [7, "Description", "Text[250]"],
    [8, "Type", "Option", { options: "Link,Note" }],
    [9, "Note", "Blob"],
    [10, "Created", "DateTime"],
    [11, "User ID", "Text[132]"],
    [12, "Company", "Text[30]"],
    [13, "Notify", "Boolean"],
    [14, "To User ID", "Text[132]"],
  ],
  keys: [["Link ID"], ["Record ID"], ["Company","Record ID"]],
});
