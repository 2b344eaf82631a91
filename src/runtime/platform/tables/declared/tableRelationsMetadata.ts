// BC system table 2000000141 "Table Relations Metadata": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tableRelationsMetadataTable = declareTable({
  id: 2000000141,
  name: "Table Relations Metadata",
  dataPerCompany: false,
  fields: [
    [1, "Table ID", "Integer"],
    [2, "Field No.", "Integer"],
    [3, "Relation No.", "Integer"],
    [4, "Condition No.", "Integer"],
    [5, "Related Table ID", "Integer"],
    [6, "Related Field No.", "Integer"],
    [7, "Condition Type", "Option", { options: "\"CONST\",\"FILTER\"" }],
    [8, "Condition Field No.", "Integer"],
    [9, "Condition Value", "Text[30]"],
    [10, "Test Table Relation", "Boolean"],
    [11, "Validate Table Relation", "Boolean"],
    [12, "Table Name", "Text[30]"],
    [13, "Field Name", "Text[30]"],
    [14, "Related Table Name", "Text[30]"],
    [15, "Related Field Name", "Text[30]"],
  ],
  keys: [["Table ID","Field No.","Relation No.","Condition No."]],
});
