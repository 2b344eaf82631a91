// BC system table 2000000050 "Language Selection": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const languageSelectionTable = declareTable({
  id: 2000000050,
  name: "Language Selection",
  fields: [
    [1, "Name", "Text[80]"],
    [2, "Language ID", "Integer"],
    [3, "Primary Language ID", "Integer"],
    [4, "Abbreviated Name", "Text[3]"],
    [5, "Enabled", "Boolean"],
    [6, "Language Tag", "Text[80]"],
  ],
  keys: [["Name","Language Tag","Language ID"], ["Enabled"]],
});
