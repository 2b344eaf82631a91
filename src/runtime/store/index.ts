// The record store's public API (see README.md in this folder).
export { Database, type DatabaseOptions, type VirtualTableProvider } from './database';
export { StoreTransaction, type StoreSavepoint } from './transaction';
export { TableInfo } from './tableInfo';
export { LockConflict, isLockConflict, lockTimeout, deadlock, nothingInFilter, readOnlyTable, recordChanged, recordExists, recordNotFound, ERR_CHANGED, ERR_DEADLOCK, ERR_EXISTS, ERR_LOCKED, ERR_NOT_FOUND, ERR_NOTHING_IN_FILTER, ERR_READ_ONLY } from './errors';
export { compileFieldFilter, parseFilter, filterValue, quoteFilterValue, substituteFilter, type FilterNode, type FilterOptions, type Predicate } from './filters';
export { calcFlowField, flowFieldOptions } from './flowFields';
export { filterText, getFiltersText, tableFilterText } from './filterText';
export { isEmpty, modifyAll, deleteAll, getOrFail } from './bulk';
export { TemporaryTransaction } from './temporaryTransaction';
export { seedDatabase, loadDatabase, saveDatabase, exportData, jsonToRow, jsonToFieldValue, fieldValueToJson, SeedError, type SeedData, type JsonValue } from './seed';
