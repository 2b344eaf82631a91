// AL run-time errors as JS exceptions: what Error() and failing system methods throw, plus the two signals
// that must never be caught by AL code (an abort from StopSession/timeout, and internal faults).
import { AlRuntimeError, isAlErrorCarrier, type AlErrorInfo, type SourceLocation } from '../contracts';

/** An AL error. `info.callStack` is filled in by the execution when the error first crosses a frame. */
export class AlError extends AlRuntimeError {
  /** Set once the innermost frame has seen it (call stack captured, break-on-error decided). */
  seen = false;
  /** Abort errors (StopSession, timeouts) end the execution: TryFunction and asserterror do not catch them. */
  readonly uncatchable: boolean;
  /** Optional ErrorInfo object details (ErrorInfo.Create / Error(ErrorInfo)). */
  details?: { title?: string; detailedMessage?: string; fieldNo?: number; tableId?: number };

  constructor(text: string, code = '', location?: SourceLocation, uncatchable = false) {
    super(text, code, { location });
    this.uncatchable = uncatchable;
  }
}

/** Raised for any AL construct, type or method the interpreter does not implement. */
export function unsupported(what: string, loc?: SourceLocation): AlError {
  const where = loc ? ` (${loc.file}:${loc.line + 1})` : '';
  return new AlError(`AL Session Lab does not support ${what}${where}.`, 'Unsupported', loc);
}

/**
 * A bare name that is neither declared in the object (its procedures, variables, fields, parameters) nor one of the
 * system methods the runtime implements: most often a typo or a missing declaration, which BC's compiler reports the
 * same way; the message says both, instead of claiming an unsupported feature.
 */
export function unknownName(name: string, scope: string, loc?: SourceLocation): AlError {
  const where = loc ? ` (${loc.file}:${loc.line + 1})` : '';
  return new AlError(`unknown procedure or variable '${name}' in ${scope}${where}: it is not declared there and is not a system method.`, 'UnknownName', loc);
}

/** Turn anything thrown while running AL (including JS faults in the runtime itself) into an AlError. */
export function toAlError(e: unknown): AlError {
  if (e instanceof AlError) return e;
  if (isAlErrorCarrier(e)) {
    // Session services raise AL errors as carriers (contracts.ts): the same error at the calling statement.
    const err = new AlError(e.alError.text, e.alError.code, e.alError.location);
    err.info.callStack = e.alError.callStack;
    return err;
  }
  if (e instanceof AlRuntimeError || (e && typeof e === 'object' && 'info' in e && (e as { info?: AlErrorInfo }).info?.text !== undefined)) {
    const info = (e as { info: AlErrorInfo }).info;
    const err = new AlError(info.text, info.code, info.location);
    err.info.callStack = info.callStack;
    return err;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new AlError('The AL call stack is too deep (stack overflow).', 'StackOverflow');
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new AlError(`Internal error in the AL Session Lab runtime: ${msg}`, 'InternalError');
}
