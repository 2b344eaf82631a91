// BC system table 2000000072 "Profile": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const profileTable = declareTable({
  id: 2000000072,
  name: "Profile",
  dataPerCompany: false,
  fields: [
    [3, "Profile ID", "Code[30]"],
    [12, "Description", "Text[250]"],
    [15, "Role Center ID", "Integer"],
    [18, "Default Role Center", "Boolean"],
    [21, "Use Comments", "Boolean"],
    [24, "Use Notes", "Boolean"],
    [27, "Use Record Notes", "Boolean"],
    [30, "Record Notebook", "Text[250]"],
    [33, "Use Page Notes", "Boolean"],
    [36, "Page Notebook", "Text[250]"],
    [39, "Disable Personalization", "Boolean"],
  ],
  keys: [["Profile ID"]],
});
