// BC system table 2000000207 "Application Object Metadata": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const applicationObjectMetadataTable = declareTable({
  id: 2000000207,
  name: "Application Object Metadata",
  dataPerCompany: false,
  fields: [
    [1, "Runtime Package ID", "Guid"],
    [2, "Package ID", "Guid"],
    [3, "Object Type", "Option", { options: ",\"Table\",,\"Report\",,\"Codeunit\",\"XMLport\",MenuSuite,\"Page\",\"Query\",,,,,\"PageExtension\",\"TableExtension\",\"Enum\",\"EnumExtension\",,\"PermissionSet\",\"PermissionSetExtension\",\"ReportExtension\"" }],
    [4, "Object ID", "Integer"],
    [5, "Metadata Format", "Option", { options: "Full,Delta" }],
    [6, "Metadata", "Blob"],
    [7, "User Code", "Blob"],
    [8, "User AL Code", "Blob"],
    [9, "Metadata Version", "Integer"],
    [10, "Object Subtype", "Text[30]"],
    [11, "Object Name", "Text[30]"],
    [12, "Metadata Hash", "Text[64]"],
    [13, "User Code Hash", "Text[64]"],
    [14, "Object Flags", "Integer"],
    [15, "Emit Version", "Integer"],
    [16, "User AL Code Hash", "Text[64]"],
    [17, "Schema Hash", "Integer"],
    [18, "AL Namespace", "Text[500]"],
  ],
  keys: [["Runtime Package ID","Object Type","Object ID","Emit Version"], ["Emit Version"], ["Object Name","AL Namespace","Object Type"]],
});
