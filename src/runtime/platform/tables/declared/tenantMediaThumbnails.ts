// BC system table 2000000185 "Tenant Media Thumbnails": its declaration (ids, names and types as the platform declares them).
import { declareTable } from '../systemTable';

export const tenantMediaThumbnailsTable = declareTable({
  id: 2000000185,
  name: "Tenant Media Thumbnails",
  dataPerCompany: false,
  fields: [
    [1, "ID", "Guid"],
    [2, "Media ID", "Guid"],
    [3, "Content", "Blob"],
    [4, "Mime Type", "Text[100]"],
    [5, "Height", "Integer"],
    [6, "Width", "Integer"],
    [7, "Company Name", "Text[30]"],
    [8, "Embedded", "Boolean"],
  ],
  keys: [["ID"], ["Media ID"]],
});
