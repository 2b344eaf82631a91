// BC system table 2000000143 "Page Action": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const pageActionTable = declareTable({
  id: 2000000143,
  name: "Page Action",
  dataPerCompany: false,
  fields: [
    [1, "Page ID", "Integer"],
    [2, "Action Index", "Integer"],
    [3, "Action ID", "Integer"],
    [4, "Indentation", "Integer"],
    [5, "Parent Action ID", "Integer"],
    [6, "Action Type", "Option", { options: "ActionContainer,Action,Separator,ActionGroup,CustomAction,FileUploadAction" }],
    [7, "Action Subtype", "Option", { options: ",NewDocumentItems,ActionItems,RelatedInformation,Reports,HomeItems,ActivityButtons,Departments,,,,,SystemActions,Prompting,PromptGuide" }],
    [8, "Name", "Text[120]"],
    [9, "Caption", "Text[80]"],
    [10, "ToolTip1", "Text[250]"],
    [11, "ToolTip2", "Text[250]"],
    [12, "ToolTip3", "Text[250]"],
    [13, "ToolTip4", "Text[250]"],
    [14, "Promoted", "Boolean"],
    [15, "RunObjectType", "Option", { options: ",Page,Report,Codeunit,XMLport" }],
    [16, "RunObjectID", "Integer"],
    [17, "RunPageMode", "Option", { options: ",View,Edit,Create" }],
    [18, "RunSourceTable", "Integer"],
    [19, "ApplicationArea", "Text[250]"],
  ],
  keys: [["Page ID","Action Index"]],
});
