// BC system table 2000000076 "Web Service": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const webServiceTable = declareTable({
  id: 2000000076,
  name: "Web Service",
  dataPerCompany: false,
  fields: [
    [3, "Object Type", "Option", { options: ",,,,,\"Codeunit\",,,\"Page\",\"Query\",,,,,,,,,," }],
    [6, "Object ID", "Integer"],
    [9, "Service Name", "Text[250]"],
    [12, "Published", "Boolean"],
    [13, "ExcludeFieldsOutsideRepeater", "Boolean"],
    [14, "ExcludeNonEditableFlowFields", "Boolean"],
  ],
  keys: [["Object Type","Service Name"], ["Object Type","Object ID"]],
});
