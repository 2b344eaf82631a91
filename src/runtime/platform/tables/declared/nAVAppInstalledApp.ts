// BC system table 2000000153 "NAV App Installed App": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const nAVAppInstalledAppTable = declareTable({
  id: 2000000153,
  name: "NAV App Installed App",
  dataPerCompany: false,
  fields: [
    [1, "App ID", "Guid"],
    [2, "Package ID", "Guid"],
    [3, "Name", "Text[250]"],
    [4, "Publisher", "Text[250]"],
    [5, "Version Major", "Integer"],
    [6, "Version Minor", "Integer"],
    [7, "Version Build", "Integer"],
    [8, "Version Revision", "Integer"],
    [9, "Compatibility Major", "Integer"],
    [10, "Compatibility Minor", "Integer"],
    [11, "Compatibility Build", "Integer"],
    [12, "Compatibility Revision", "Integer"],
    [13, "Content Hash", "Text[250]"],
    [14, "Hash Algorithm", "Integer"],
    [15, "Extension Type", "Integer"],
    [16, "Published As", "Option", { options: "\"Global\",\"PTE\",\"Dev\"" }],
  ],
  keys: [["App ID"]],
});
