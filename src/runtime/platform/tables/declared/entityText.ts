// BC system table 2000000132 "Entity Text": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const entityTextTable = declareTable({
  id: 2000000132,
  name: "Entity Text",
  fields: [
    [1, "Company", "Text[30]"],
    [2, "Source Table Id", "Integer"],
    [3, "Source System Id", "Guid"],
    [4, "Scenario", "Enum \"Entity Text Scenario\""],
    [5, "Preview Text", "Text[1024]"],
    [6, "Text", "Blob"],
  ],
  keys: [["Company","Source Table Id","Source System Id","Scenario"]],
});
