// BC system table 2000000295 "User AI Consumption Data": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const userAIConsumptionDataTable = declareTable({
  id: 2000000295,
  name: "User AI Consumption Data",
  dataPerCompany: false,
  fields: [
    [1, "Id", "BigInteger", { autoIncrement: true }],
    [2, "Consumption DateTime", "DateTime"],
    [3, "User Id", "Guid"],
    [4, "Agent Task Id", "BigInteger"],
    [5, "App Name", "Text[256]"],
    [6, "App Publisher", "Text[256]"],
    [7, "App Version", "Text[50]"],
    [8, "App Id", "Guid"],
    [9, "Feature Name", "Text[256]"],
    [10, "Actions", "Text[1024]"],
    [11, "Copilot Studio Feature", "Text[1024]"],
    [12, "Copilot Credits", "Decimal"],
    [13, "Trace Id", "Text[128]"],
    [14, "Company Name", "Text[30]"],
    [15, "Description", "Blob"],
    [16, "Unique Id", "Text[1024]"],
    [17, "Processed For Billing", "Boolean"],
  ],
  keys: [["Id"], ["Consumption DateTime"], ["User Id"], ["Agent Task Id"], ["App Name"], ["App Publisher"], ["Feature Name"], ["Copilot Studio Feature"], ["Trace Id"], ["Company Name"], ["Unique Id"], ["Processed For Billing"]],
});
