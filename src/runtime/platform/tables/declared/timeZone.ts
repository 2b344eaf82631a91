// BC system table 2000000164 "Time Zone": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const timeZoneTable = declareTable({
  id: 2000000164,
  name: "Time Zone",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Text[180]"],
    [2, "Display Name", "Text[250]"],
    [3, "No.", "Integer"],
  ],
  keys: [["No."], ["Display Name"]],
});
