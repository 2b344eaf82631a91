// BC system table 2000000204 "Page Info And Fields": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const pageInfoAndFieldsTable = declareTable({
  id: 2000000204,
  name: "Page Info And Fields",
  fields: [
    [1, "Current Form ID", "Text[36]"],
    [2, "Current Form Bookmark", "Text[2048]"],
    [3, "Field No.", "Integer"],
    [4, "Page ID", "Integer"],
    [5, "Page Name", "Text[256]"],
    [6, "Page Type", "Text[1024]"],
    [7, "Source Data Type", "Text[1024]"],
    [8, "Source Table No.", "Integer"],
    [9, "Source Table Name", "Text[256]"],
    [10, "Field Name", "Text[256]"],
    [11, "Field Type", "Text[1024]"],
    [12, "Field Value", "Text[2048]"],
    [13, "IsPrimaryKey", "Boolean"],
    [14, "ExtensionSource", "Text[2048]"],
    [15, "Field Filter Expression", "Text[2048]"],
    [16, "Field Filter Type", "Text[1024]"],
    [17, "Field Info", "Text[1024]"],
    [18, "Tooltip", "Text[2048]"],
  ],
  keys: [["Current Form ID","Current Form Bookmark","Field No."]],
});
