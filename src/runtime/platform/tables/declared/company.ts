// BC system table 2000000006 "Company": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const companyTable = declareTable({
  id: 2000000006,
  name: "Company",
  dataPerCompany: false,
  fields: [
    [1, "Name", "Text[30]"],
    [2, "Evaluation Company", "Boolean"],
    [3, "Display Name", "Text[250]"],
    [8000, "Id", "Guid"],
    [8005, "Business Profile Id", "Text[250]"],
  ],
  keys: [["Name"]],
});
