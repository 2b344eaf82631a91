// BC system table 2000000028 "Table Information": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tableInformationTable = declareTable({
  id: 2000000028,
  name: "Table Information",
  dataPerCompany: false,
  fields: [
    [1, "Company Name", "Text[30]"],
    [2, "Table No.", "Integer"],
    [3, "Table Name", "Text[30]"],
    [4, "No. of Records", "Integer"],
    [5, "Record Size", "Decimal"],
    [6, "Size (KB)", "Integer"],
    [7, "Compression", "Option", { options: "None,Row,Page,Columnstore,\"Columnstore Archive\"" }],
    [8, "Data Size (KB)", "Integer"],
    [9, "Index Size (KB)", "Integer"],
  ],
  keys: [["Company Name","Table No."]],
});
