// BC system table 2000000265 "Performance Profile Scheduler": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const performanceProfileSchedulerTable = declareTable({
  id: 2000000265,
  name: "Performance Profile Scheduler",
  dataPerCompany: false,
  fields: [
    [1, "Schedule ID", "Guid"],
    [2, "Client Type", "Option", { options: ",,\"Web Service\",,,Background,,\"Web Client\",,,," }],
    [3, "User ID", "Guid"],
    [4, "Starting Date-Time", "DateTime"],
    [5, "Ending Date-Time", "DateTime"],
    [6, "Description", "Text[128]"],
    [7, "Enabled", "Boolean"],
    [8, "Frequency", "Option", { options: "\"50 milliseconds\",\"100 milliseconds\",\"150 milliseconds\"" }],
    [9, "Profile Creation Threshold", "Duration"],
    [10, "Profile Keep Time", "Integer"],
  ],
  keys: [["Schedule ID"], ["User Id","Client Type"], ["Starting Date-Time","Ending Date-Time"]],
});
