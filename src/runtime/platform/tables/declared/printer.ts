// BC system table 2000000039 "Printer": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const printerTable = declareTable({
  id: 2000000039,
  name: "Printer",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Text[250]"],
    [2, "Name", "Text[250]"],
    [3, "Driver", "Text[50]"],
    [4, "Device", "Text[50]"],
    [5, "Payload", "Text[2048]"],
    [6, "Description", "Text[250]"],
  ],
  keys: [["ID"]],
});
