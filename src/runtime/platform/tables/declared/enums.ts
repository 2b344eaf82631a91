// BC platform enums that system tables declare fields of (ids, names, ordinals as the platform declares them).
import type { PlatformEnum } from '../systemTable';

export const platformEnums: PlatformEnum[] = [
  { id: 2000000006, name: "Agent Metadata Provider", extensible: true, values: [] },
  { id: 2000000004, name: "Agent Task Status", extensible: false, values: [[0, "Paused"], [1, "Ready"], [2, "Scheduled"], [3, "Running"], [4, "Completed"], [5, "Stopped by User"], [6, "Stopped by System"]] },
  { id: 2000000009, name: "Agent Task Log Entry Type", extensible: false, values: [[0, "Input Message"], [1, "Output Message Draft"], [2, "Output Message"], [3, "Page Operation"], [4, "User Intervention Request"], [5, "User Intervention"], [6, "Stop"], [7, "Resume"]] },
  { id: 2000000005, name: "Agent Task Memory Entry Type", extensible: false, values: [[0, "Message"], [1, "Page Operation"], [2, "User Intervention"], [3, "Summary"], [4, "Stop"], [5, "Memorized Data"]] },
  { id: 2000000011, name: "Agent User Int Request Type", extensible: false, values: [[0, "ReviewMessage"], [1, "Assistance"], [2, "ReviewRecord"], [3, "ResumeTask"], [4, "Retry"]] },
  { id: 2000000002, name: "Entity Text Scenario", extensible: true, values: [] },
  { id: 2000000010, name: "Scheduled Task Auth Delegation Type", extensible: false, values: [[0, "None"], [1, "Agent"]] },
];
