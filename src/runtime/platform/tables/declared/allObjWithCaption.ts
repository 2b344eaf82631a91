// BC system table 2000000058 "AllObjWithCaption": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const allObjWithCaptionTable = declareTable({
  id: 2000000058,
  name: "AllObjWithCaption",
  dataPerCompany: false,
  fields: [
    [1, "Object Type", "Option", { options: "\"TableData\",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",\"MenuSuite\",\"Page\",\"Query\",\"System\",\"FieldNumber\",,,\"PageExtension\",\"TableExtension\",\"Enum\",\"EnumExtension\",\"Profile\",\"ProfileExtension\",\"PermissionSet\",\"PermissionSetExtension\",\"ReportExtension\"" }],
    [3, "Object ID", "Integer"],
    [4, "Object Name", "Text[30]"],
    [20, "Object Caption", "Text[249]"],
    [30, "Object Subtype", "Text[30]"],
    [60, "App Package ID", "Guid"],
    [61, "App Runtime Package ID", "Guid"],
    [62, "App ID", "Guid"],
    [63, "AL Namespace", "Text[500]"],
  ],
  keys: [["Object Type","Object ID"]],
});
