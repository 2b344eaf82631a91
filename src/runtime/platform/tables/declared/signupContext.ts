// BC system table 2000000255 "Signup Context": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const signupContextTable = declareTable({
  id: 2000000255,
  name: "Signup Context",
  dataPerCompany: false,
  fields: [
    [1, "KeyName", "Text[128]"],
    [2, "Value", "Text[2000]"],
  ],
  keys: [["KeyName"]],
});
