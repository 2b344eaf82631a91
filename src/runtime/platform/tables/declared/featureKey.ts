// BC system table 2000000211 "Feature Key": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const featureKeyTable = declareTable({
  id: 2000000211,
  name: "Feature Key",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Text[50]"],
    [2, "Enabled", "Option", { options: "\"None\",\"All Users\"" }],
    [3, "Description", "Text[2048]"],
    [4, "Learn More Link", "Text[2048]"],
    [5, "Mandatory By", "Text[2048]"],
    [6, "Can Try", "Boolean"],
    [7, "Is One Way", "Boolean"],
    [8, "Data Update Required", "Boolean"],
    [9, "Mandatory By Version", "Text[2048]"],
    [10, "Description In English", "Text[2048]"],
  ],
  keys: [["ID"]],
});
