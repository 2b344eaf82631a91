// BC system table 2000000193 "Api Web Service": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const apiWebServiceTable = declareTable({
  id: 2000000193,
  name: "Api Web Service",
  dataPerCompany: false,
  fields: [
    [3, "Object Type", "Option", { options: ",,,,,\"Codeunit\",,,\"Page\",\"Query\",,,,,,,,,," }],
    [6, "Object ID", "Integer"],
    [9, "Service Name", "Text[250]"],
    [12, "Published", "Boolean"],
    [14, "Publisher", "Text[40]"],
    [15, "Group", "Text[40]"],
    [18, "Version", "Text[10]"],
    [21, "Package ID", "Guid"],
  ],
  keys: [["Object Type","Object ID","Service Name","Publisher","Group","Version","Package ID"]],
});
