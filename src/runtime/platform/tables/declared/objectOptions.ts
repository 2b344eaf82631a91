// BC system table 2000000196 "Object Options": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const objectOptionsTable = declareTable({
  id: 2000000196,
  name: "Object Options",
  dataPerCompany: false,
  fields: [
    [1, "Parameter Name", "Text[50]"],
    [2, "Object ID", "Integer"],
    [3, "Object Type", "Option", { options: ",,,\"Report\",,,\"XMLport\",,\"Page\",,,,,,,,,,," }],
    [4, "Company Name", "Text[30]"],
    [5, "User Name", "Code[50]"],
    [6, "Option Data", "Blob"],
    [7, "Public Visible", "Boolean"],
    [8, "Temporary", "Boolean"],
    [9, "Created By", "Code[50]"],
  ],
  keys: [["Parameter Name","Object ID","Object Type","User Name","Company Name"]],
});
