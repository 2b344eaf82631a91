// BC system table 2000000136 "Table Metadata": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tableMetadataTable = declareTable({
  id: 2000000136,
  name: "Table Metadata",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Integer"],
    [2, "Name", "Text[30]"],
    [3, "Caption", "Text[80]"],
    [4, "DataPerCompany", "Boolean"],
    [5, "LookupPageID", "Integer"],
    [6, "DrillDownPageId", "Integer"],
    [7, "DataCaptionFields", "Text[80]"],
    [8, "PasteIsValid", "Boolean"],
    [9, "LinkedObject", "Boolean"],
    [10, "DataIsExternal", "Boolean"],
    [11, "TableType", "Option", { options: "Normal,CRM,ExternalSQL,Exchange,MicrosoftGraph,Query,Temporary" }],
    [12, "ExternalName", "Text[248]"],
    [13, "ObsoleteState", "Option", { options: "No,Pending,Removed" }],
    [14, "ObsoleteReason", "Text[248]"],
    [15, "DataClassification", "Option", { options: "CustomerContent,ToBeClassified,EndUserIdentifiableInformation,AccountData,EndUserPseudonymousIdentifiers,OrganizationIdentifiableInformation,SystemMetadata" }],
    [16, "ReplicateData", "Boolean"],
    [17, "CompressionType", "Option", { options: "Unspecified,None,Row,Page" }],
    [18, "App ID", "Guid"],
    [19, "InherentPermissions", "Text[5]"],
    [20, "InherentEntitlements", "Text[5]"],
    [21, "Scope", "Option", { options: "Cloud,OnPrem" }],
    [22, "Access", "Option", { options: "Public,Internal" }],
    [23, "AL Namespace", "Text[500]"],
  ],
  keys: [],
});
