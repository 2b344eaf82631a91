// BC system table 2000000045 "Windows Language": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const windowsLanguageTable = declareTable({
  id: 2000000045,
  name: "Windows Language",
  fields: [
    [1, "Language ID", "Integer"],
    [2, "Primary Language ID", "Integer"],
    [10, "Name", "Text[80]"],
    [11, "Abbreviated Name", "Text[3]"],
    [20, "Enabled", "Boolean"],
    [21, "Globally Enabled", "Boolean"],
    [22, "Form Enabled", "Boolean"],
    [23, "Report Enabled", "Boolean"],
    [24, "Dataport Enabled", "Boolean"],
    [25, "XMLport Enabled", "Boolean"],
    [30, "Primary CodePage", "Text[5]"],
    [31, "STX File Exist", "Boolean"],
    [32, "ETX File Exist", "Boolean"],
    [33, "Help File Exist", "Boolean"],
    [34, "Localization Exist", "Boolean"],
    [35, "Language Tag", "Text[80]"],
  ],
  keys: [["Language ID"], ["Primary Language ID","Language ID"], ["Name"], ["Abbreviated Name"], ["Language Tag"]],
});
