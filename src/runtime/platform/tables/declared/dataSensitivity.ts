// BC system table 2000000159 "Data Sensitivity": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const dataSensitivityTable = declareTable({
  id: 2000000159,
  name: "Data Sensitivity",
  dataPerCompany: false,
  fields: [
    [1, "Company Name", "Text[30]"],
    [2, "Table No", "Integer"],
    [3, "Field No", "Integer"],
    [4, "Table Caption", "Text[249]", { fieldClass: 'FlowField', calcFormula: "Lookup(AllObjWithCaption.\"Object Caption\" WHERE(\"Object Type\" = CONST(\"Table\"),\n                                                                           \"Object ID\" = FIELD(\"Table No\")))" }],
    [5, "Field Caption", "Text[80]", { fieldClass: 'FlowField', calcFormula: "Lookup(Field.\"Field Caption\" WHERE(TableNo = FIELD(\"Table No\"),\n                                                              \"No.\" = FIELD(\"Field No\")))" }],
    [6, "Field Type", "Option", { options: "TableFilter,RecordID,OemText,Date,Time,DateFormula,Decimal,Media,MediaSet,Text,\"Code\",Binary,BLOB,Boolean,\"Integer\",OemCode,Option,BigInteger,Duration,GUID,DateTime", fieldClass: 'FlowField', calcFormula: "Lookup(Field.Type WHERE(TableNo = FIELD(\"Table No\"),\n                                                   \"No.\" = FIELD(\"Field No\")))" }],
    [7, "Data Sensitivity", "Option", { options: "Unclassified,Sensitive,Personal,\"Company Confidential\",Normal" }],
    [8, "Last Modified By", "Guid"],
    [9, "Last Modified", "DateTime"],
    [10, "Data Classification", "Option", { options: "CustomerContent,ToBeClassified,EndUserIdentifiableInformation,AccountData,EndUserPseudonymousIdentifiers,OrganizationIdentifiableInformation,SystemMetadata", fieldClass: 'FlowField', calcFormula: "Lookup(Field.DataClassification WHERE(TableNo = FIELD(\"Table No\"),\n                                                                 \"No.\" = FIELD(\"Field No\")))" }],
  ],
  keys: [["Company Name","Table No","Field No"]],
});
