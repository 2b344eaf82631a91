// BC system table 2000000181 "Media": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const mediaTable = declareTable({
  id: 2000000181,
  name: "Media",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Guid"],
    [2, "Description", "Text[250]"],
    [3, "Content", "Blob"],
    [4, "Mime Type", "Text[100]"],
    [5, "Height", "Integer"],
    [6, "Width", "Integer"],
    [7, "Company Name", "Text[30]"],
    [8, "Expiration Date", "DateTime"],
    [10, "Prohibit Cache", "Boolean"],
    [11, "File Name", "Text[250]"],
    [12, "Security Token", "Text[100]"],
    [13, "Creating User", "Text[50]"],
  ],
  keys: [["ID"], ["Security Token"], ["Company Name"]],
});
