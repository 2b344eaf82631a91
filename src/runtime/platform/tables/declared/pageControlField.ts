// BC system table 2000000192 "Page Control Field": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const pageControlFieldTable = declareTable({
  id: 2000000192,
  name: "Page Control Field",
  dataPerCompany: false,
  fields: [
    [1, "PageNo", "Integer"],
    [2, "ControlId", "Integer"],
    [3, "ControlName", "Text[120]"],
    [4, "TableNo", "Integer"],
    [5, "FieldNo", "Integer"],
    [6, "Enabled", "Text[512]"],
    [7, "Editable", "Text[512]"],
    [8, "Visible", "Text[512]"],
    [9, "SourceExpression", "Text[512]"],
    [10, "OptionString", "Text[2048]"],
    [11, "Sequence", "Integer"],
  ],
  keys: [["PageNo","ControlId"]],
});
