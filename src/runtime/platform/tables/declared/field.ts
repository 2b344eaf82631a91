// BC system table 2000000041 "Field": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const fieldTable = declareTable({
  id: 2000000041,
  name: "Field",
  fields: [
    [1, "TableNo", "Integer"],
    [2, "No.", "Integer"],
    [3, "TableName", "Text[30]"],
    [4, "FieldName", "Text[30]"],
    [5, "Type", "Option", { options: "TableFilter,RecordID,OemText,Date,Time,DateFormula,Decimal,Media,MediaSet,Text,Code,Binary,BLOB,Boolean,Integer,OemCode,Option,BigInteger,Duration,GUID,DateTime" }],
    [6, "Len", "Integer"],
    [7, "Class", "Option", { options: "Normal,FlowField,FlowFilter" }],
    [8, "Enabled", "Boolean"],
    [9, "Type Name", "Text[30]"],
    [10, "ExternalName", "Text[100]"],
    [20, "Field Caption", "Text[80]"],
    [21, "RelationTableNo", "Integer"],
    [22, "RelationFieldNo", "Integer"],
    [23, "SQLDataType", "Option", { options: "Varchar,Integer,Variant,BigInteger" }],
    [24, "OptionString", "Text[2047]"],
    [25, "ObsoleteState", "Option", { options: "No,Pending,Removed" }],
    [26, "ObsoleteReason", "Text[248]"],
    [27, "DataClassification", "Option", { options: "CustomerContent,ToBeClassified,EndUserIdentifiableInformation,AccountData,EndUserPseudonymousIdentifiers,OrganizationIdentifiableInformation,SystemMetadata" }],
    [28, "IsPartOfPrimaryKey", "Boolean"],
    [60, "App Package ID", "Guid"],
    [61, "App Runtime Package ID", "Guid"],
    [62, "OptimizeForTextSearch", "Boolean"],
    [63, "Access", "Option", { options: "Public,Internal,Protected,Local" }],
    [64, "IsAllowedInCustomizations", "Boolean"],
  ],
  keys: [["TableNo","No."]],
});
