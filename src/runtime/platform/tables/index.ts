// Every BC system table the platform layer declares (declared/, one file per table) and the virtual ones whose
// rows it computes (virtual/). Tables not virtual are ordinary stored tables (User, Access Control, Tenant Media...).
import type { SystemTable, SystemTableDecl } from './systemTable';
import { accessControlTable } from './declared/accessControl';
import { accessControlBufferTable } from './declared/accessControlBuffer';
import { agentTable } from './declared/agent';
import { agentAccessControlTable } from './declared/agentAccessControl';
import { agentAnnotationTable } from './declared/agentAnnotation';
import { agentTaskTable } from './declared/agentTask';
import { agentTaskFileTable } from './declared/agentTaskFile';
import { agentTaskLogEntryTable } from './declared/agentTaskLogEntry';
import { agentTaskMemoryEntryTable } from './declared/agentTaskMemoryEntry';
import { agentTaskMessageTable } from './declared/agentTaskMessage';
import { agentTaskMessageAttachmentTable } from './declared/agentTaskMessageAttachment';
import { agentUserIntRequestDetailsTable } from './declared/agentUserIntRequestDetails';
import { aggregatePermissionSetTable } from './declared/aggregatePermissionSet';
import { allObjTable } from './declared/allObj';
import { allObjWithCaptionTable } from './declared/allObjWithCaption';
import { allProfileTable } from './declared/allProfile';
import { apiWebServiceTable } from './declared/apiWebService';
import { applicationObjectMetadataTable } from './declared/applicationObjectMetadata';
import { codeCoverageTable } from './declared/codeCoverage';
import { codeUnitMetadataTable } from './declared/codeUnitMetadata';
import { companyTable } from './declared/company';
import { dataSensitivityTable } from './declared/dataSensitivity';
import { dateTable } from './declared/date';
import { entityTextTable } from './declared/entityText';
import { expandedPermissionTable } from './declared/expandedPermission';
import { extensionDatabaseSnapshotTable } from './declared/extensionDatabaseSnapshot';
import { featureKeyTable } from './declared/featureKey';
import { fieldTable } from './declared/field';
import { integerTable } from './declared/integer';
import { intelligentCloudTable } from './declared/intelligentCloud';
import { keyTable } from './declared/key';
import { languageSelectionTable } from './declared/languageSelection';
import { mCPConfigurationTable } from './declared/mCPConfiguration';
import { mCPConfigurationToolTable } from './declared/mCPConfigurationTool';
import { mediaTable } from './declared/media';
import { mediaResourcesTable } from './declared/mediaResources';
import { mediaSetTable } from './declared/mediaSet';
import { metadataPermissionTable } from './declared/metadataPermission';
import { metadataPermissionSetTable } from './declared/metadataPermissionSet';
import { metadataPermissionSetRelTable } from './declared/metadataPermissionSetRel';
import { nAVAppInstalledAppTable } from './declared/nAVAppInstalledApp';
import { nAVAppTenantOperationTable } from './declared/nAVAppTenantOperation';
import { objectOptionsTable } from './declared/objectOptions';
import { pageActionTable } from './declared/pageAction';
import { pageControlFieldTable } from './declared/pageControlField';
import { pageInfoAndFieldsTable } from './declared/pageInfoAndFields';
import { pageMetadataTable } from './declared/pageMetadata';
import { performanceProfileSchedulerTable } from './declared/performanceProfileScheduler';
import { permissionTable } from './declared/permission';
import { permissionSetTable } from './declared/permissionSet';
import { printerTable } from './declared/printer';
import { privacyNoticeTable } from './declared/privacyNotice';
import { privacyNoticeApprovalTable } from './declared/privacyNoticeApproval';
import { profileTable } from './declared/profile';
import { publishedApplicationTable } from './declared/publishedApplication';
import { recordLinkTable } from './declared/recordLink';
import { reportMetadataTable } from './declared/reportMetadata';
import { scheduledTaskTable } from './declared/scheduledTask';
import { signupContextTable } from './declared/signupContext';
import { tableInformationTable } from './declared/tableInformation';
import { tableMetadataTable } from './declared/tableMetadata';
import { tableRelationsMetadataTable } from './declared/tableRelationsMetadata';
import { tenantLicenseStateTable } from './declared/tenantLicenseState';
import { tenantMediaTable } from './declared/tenantMedia';
import { tenantMediaSetTable } from './declared/tenantMediaSet';
import { tenantMediaThumbnailsTable } from './declared/tenantMediaThumbnails';
import { tenantPermissionTable } from './declared/tenantPermission';
import { tenantPermissionSetTable } from './declared/tenantPermissionSet';
import { tenantPermissionSetRelTable } from './declared/tenantPermissionSetRel';
import { tenantProfileSettingTable } from './declared/tenantProfileSetting';
import { tenantWebServiceTable } from './declared/tenantWebService';
import { timeZoneTable } from './declared/timeZone';
import { userTable } from './declared/user';
import { userAIConsumptionDataTable } from './declared/userAIConsumptionData';
import { userPersonalizationTable } from './declared/userPersonalization';
import { userPropertyTable } from './declared/userProperty';
import { webServiceTable } from './declared/webService';
import { windowsLanguageTable } from './declared/windowsLanguage';
import { FieldVirtualTable } from './virtual/field';
import { AllObjVirtualTable, AllObjWithCaptionVirtualTable } from './virtual/objects';
import { CodeUnitMetadataVirtualTable, KeyVirtualTable, PageMetadataVirtualTable, ReportMetadataVirtualTable, TableMetadataVirtualTable } from './virtual/metadata';
import { DateVirtualTable, IntegerVirtualTable } from './virtual/sequences';
import { AggregatePermissionSetVirtualTable, CompanyVirtualTable, NavAppInstalledAppVirtualTable, PermissionSetVirtualTable, PrinterVirtualTable, PublishedApplicationVirtualTable } from './virtual/runtimeState';

const declared: SystemTableDecl[] = [
  accessControlTable,
  accessControlBufferTable,
  agentTable,
  agentAccessControlTable,
  agentAnnotationTable,
  agentTaskTable,
  agentTaskFileTable,
  agentTaskLogEntryTable,
  agentTaskMemoryEntryTable,
  agentTaskMessageTable,
  agentTaskMessageAttachmentTable,
  agentUserIntRequestDetailsTable,
  aggregatePermissionSetTable,
  allObjTable,
  allObjWithCaptionTable,
  allProfileTable,
  apiWebServiceTable,
  applicationObjectMetadataTable,
  codeCoverageTable,
  codeUnitMetadataTable,
  companyTable,
  dataSensitivityTable,
  dateTable,
  entityTextTable,
  expandedPermissionTable,
  extensionDatabaseSnapshotTable,
  featureKeyTable,
  fieldTable,
  integerTable,
  intelligentCloudTable,
  keyTable,
  languageSelectionTable,
  mCPConfigurationTable,
  mCPConfigurationToolTable,
  mediaTable,
  mediaResourcesTable,
  mediaSetTable,
  metadataPermissionTable,
  metadataPermissionSetTable,
  metadataPermissionSetRelTable,
  nAVAppInstalledAppTable,
  nAVAppTenantOperationTable,
  objectOptionsTable,
  pageActionTable,
  pageControlFieldTable,
  pageInfoAndFieldsTable,
  pageMetadataTable,
  performanceProfileSchedulerTable,
  permissionTable,
  permissionSetTable,
  printerTable,
  privacyNoticeTable,
  privacyNoticeApprovalTable,
  profileTable,
  publishedApplicationTable,
  recordLinkTable,
  reportMetadataTable,
  scheduledTaskTable,
  signupContextTable,
  tableInformationTable,
  tableMetadataTable,
  tableRelationsMetadataTable,
  tenantLicenseStateTable,
  tenantMediaTable,
  tenantMediaSetTable,
  tenantMediaThumbnailsTable,
  tenantPermissionTable,
  tenantPermissionSetTable,
  tenantPermissionSetRelTable,
  tenantProfileSettingTable,
  tenantWebServiceTable,
  timeZoneTable,
  userTable,
  userAIConsumptionDataTable,
  userPersonalizationTable,
  userPropertyTable,
  webServiceTable,
  windowsLanguageTable,
];

const virtualTables: SystemTable[] = [
  FieldVirtualTable, AllObjVirtualTable, AllObjWithCaptionVirtualTable, KeyVirtualTable, TableMetadataVirtualTable, PageMetadataVirtualTable,
  CodeUnitMetadataVirtualTable, ReportMetadataVirtualTable, IntegerVirtualTable, DateVirtualTable, CompanyVirtualTable, NavAppInstalledAppVirtualTable,
  PublishedApplicationVirtualTable, PrinterVirtualTable, AggregatePermissionSetVirtualTable, PermissionSetVirtualTable,
];

/** Every platform system table by id: the virtual implementation where there is one, else the stored declaration. */
export const systemTables: ReadonlyMap<number, SystemTable> = (() => {
  const m = new Map<number, SystemTable>();
  for (const d of declared) m.set(d.id, d);
  for (const v of virtualTables) m.set(v.id, v);
  return m;
})();
