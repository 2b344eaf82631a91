// BC system table 2000000178 "All Profile": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const allProfileTable = declareTable({
  id: 2000000178,
  name: "All Profile",
  dataPerCompany: false,
  fields: [
    [1, "Scope", "Option", { options: "System,Tenant" }],
    [2, "App ID", "Guid"],
    [3, "Profile ID", "Code[30]"],
    [4, "Description", "Text[2048]"],
    [5, "Role Center ID", "Integer"],
    [6, "Default Role Center", "Boolean"],
    [7, "Use Comments", "Boolean"],
    [8, "Use Notes", "Boolean"],
    [9, "Use Record Notes", "Boolean"],
    [10, "Record Notebook", "Text[250]"],
    [11, "Use Page Notes", "Boolean"],
    [12, "Page Notebook", "Text[250]"],
    [13, "Disable Personalization", "Boolean"],
    [14, "App Name", "Text[250]"],
    [15, "Enabled", "Boolean"],
    [16, "Caption", "Text[100]"],
    [17, "Promoted", "Boolean"],
  ],
  keys: [["Scope","App ID","Profile ID"]],
});
