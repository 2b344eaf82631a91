// The record store's errors in BC's wording, with the error codes GetLastErrorCode reports, and the
// LockConflict signal that tells the caller to wait instead of failing.
import { AlRuntimeError } from '../contracts';

export const ERR_NOT_FOUND = 'DB:RecordNotFound';
export const ERR_EXISTS = 'DB:RecordExists';
export const ERR_CHANGED = 'DB:ClientModifiedRecord';
export const ERR_LOCKED = 'DB:LockTimeout';
export const ERR_DEADLOCK = 'DB:Deadlock';
export const ERR_READ_ONLY = 'DB:ReadOnlyTable';
export const ERR_NOTHING_IN_FILTER = 'DB:NothingInsideFilter';

export function recordNotFound(tableName: string, identification: string): AlRuntimeError {
  return new AlRuntimeError(`The ${tableName} does not exist. Identification fields and values: ${identification}`, ERR_NOT_FOUND);
}

/** FindFirst/FindLast/FindSet/Find without a result: 'There is no Customer within the filter. Filters: No.: 99999'. */
export function nothingInFilter(tableName: string, filtersText: string): AlRuntimeError {
  return new AlRuntimeError(`There is no ${tableName} within the filter.${filtersText ? ` Filters: ${filtersText}` : ''}`, ERR_NOTHING_IN_FILTER);
}

export function recordExists(tableName: string, identification: string): AlRuntimeError {
  return new AlRuntimeError(`The record in table ${tableName} already exists. Identification fields and values: ${identification}`, ERR_EXISTS);
}

export function recordChanged(tableName: string, identification: string): AlRuntimeError {
  return new AlRuntimeError(
    `Another user has modified the record for this ${tableName} after you retrieved it from the database. Enter your changes again in the updated window, or start the interrupted activity again. Identification fields and values: ${identification}`,
    ERR_CHANGED,
  );
}

/** What the session layer raises when a lock wait exceeds its timeout (BC's default is 10 seconds). */
export function lockTimeout(tableName: string): AlRuntimeError {
  return new AlRuntimeError(
    `We can't save your changes right now, because a record in table '${tableName}' is being updated in a transaction done by another session. Please wait a couple of minutes and try again.`,
    ERR_LOCKED,
  );
}

export function deadlock(tableName: string): AlRuntimeError {
  return new AlRuntimeError(`Your activity was deadlocked with another user modifying the ${tableName} table. Start again.`, ERR_DEADLOCK);
}

export function readOnlyTable(tableName: string, op: string): AlRuntimeError {
  return new AlRuntimeError(`You cannot ${op} the ${tableName} table: it is a virtual table that the runtime fills; it is read-only.`, ERR_READ_ONLY);
}

/**
 * Thrown (not an AL error) when a write, or a read under LockTable, touches a row that another open
 * transaction has locked. The caller (the interpreter) turns it into `{ state: 'blocked' }`, asks
 * `Database.whenReleased(conflict, resume)` to be woken, and re-runs the same statement; nothing was
 * changed by the failed call. The session layer applies the lock timeout (see `lockTimeout`).
 */
export class LockConflict extends Error {
  constructor(
    readonly tableName: string,
    readonly identification: string,
    /** The session that waits. */
    readonly sessionId: number,
    /** The session whose open transaction holds the lock. */
    readonly holderSessionId: number,
    /** Opaque id of the holding transaction, used by Database.whenReleased. */
    readonly holderTransactionId: number,
  ) {
    super(`Session ${sessionId} waits for a lock on ${tableName} (${identification}) held by session ${holderSessionId}.`);
    this.name = 'LockConflict';
  }
}

export function isLockConflict(e: unknown): e is LockConflict {
  return e instanceof LockConflict;
}
