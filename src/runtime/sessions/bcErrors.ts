// Business Central's error codes and texts for session behaviour (docs/bc-semantics.md §2-4), and the way the
// session layer raises them: throwing an AlErrorCarrier that the interpreter turns into the AL error.
import { AlRuntimeError, type AlErrorCarrier, type AlErrorInfo } from '../contracts';

export const BcText = {
  confirmCallback:
    'Microsoft Dynamics 365 Business Central attempted to issue a client callback to show a confirmation dialog box. Client callbacks are not supported in background sessions.',
  // A web-service session (SOAP, OData, API) runs on BC's "Data Services"; BC names the question and the calling
  // object (as reported by BC 2x web-service callers, e.g. "... dialog box: <question> (CodeUnit 1026 Job Link Usage).
  // Client callbacks are not supported on Microsoft Dynamics 365 Business Central Data Services.").
  webServiceConfirmCallback:
    'Microsoft Dynamics 365 Business Central Data Services attempted to issue a client callback to show a confirmation dialog box: %1%2. Client callbacks are not supported on Microsoft Dynamics 365 Business Central Data Services.',
  callbackNotAllowed: 'Callback functions are not allowed.',
  // BC documents only that the company "must already exist in the database, otherwise you will get an error at
  // runtime" (SessionSettings.Company); this wording is AL Session Lab's.
  companyNotFound: "The company '%1' does not exist in the database.",
  pageTaskTriggerCallback:
    'Callback functions are not allowed. The disallowed callback was issued from the OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError trigger.',
  childTimeout: 'Child Session task was terminated because of a timeout.',
  sessionTimeout: 'The session was terminated because of a timeout.',
  recursion: 'Excessive recursive session creation detected. The session recursion depth limit of %1 was reached.',
  backgroundQueueFull: 'The background session could not be started: the number of queued background sessions exceeds the limit of %1.',
  childQueueFull: 'The page background task could not be enqueued: the number of queued child session tasks exceeds ChildSessionsMaxQueueLength (%1).',
  permission: "You don't have the following permissions on TableData %1: %2.",
  commitInChild:
    'Commit is not allowed in a page background task: it runs in a read-only child session. (Business Central does not document what Commit does there; AL Session Lab treats it as an error.)',
  notInPageTask: 'GetBackgroundParameters and SetBackgroundTaskResult can only be called in a page background task.',
  stopCurrent: 'A session cannot stop itself with StopSession.',
  stopped: 'The session was stopped by StopSession.',
  noSuchSession: 'The session %1 does not exist or is not active.',
  // BC logs no AL error for a restart (the process goes away); this text says what ended the session.
  serverRestart: 'The session was ended because the Business Central server instance restarted.',
  // BC's text (NavTestStartSessionNotAllowedException), as measured on BC 27-28 service tiers.
  testStartSession: 'Sessions can only be started in tests that are run by a TestRunner that has TestIsolation set to Disabled.',
  // BC raises nothing here (StartSession returns false, "ignored during upgrade and install" since version 19.0);
  // this text only explains the timeline's startSessionIgnored event.
  startSessionInAppCode: 'StartSession is ignored while the app is being %1: no session starts and it returns false.',
} as const;

export const BcCode = {
  childTimeout: 'ChildSessionTaskTimeout',
  sessionTimeout: 'SessionTimeout',
  permission: 'NavPermission',
  callback: 'CallbackNotAllowed',
  recursion: 'ExcessiveSessionRecursion',
  queueFull: 'QueueLimitExceeded',
  stopped: 'SessionStopped',
  commitInChild: 'CommitNotAllowed',
  serverRestart: 'ServerRestart',
  testStartSession: 'NavTestStartSessionNotAllowed',
  companyNotFound: 'CompanyNotFound',
} as const;

export function fill(text: string, ...args: (string | number)[]): string {
  return text.replace(/%(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

export function alErrorInfo(code: string, text: string): AlErrorInfo {
  return { code, text, callStack: '' };
}

/**
 * The error the session services throw: an AlRuntimeError (what the interpreter catches as an AL error) that
 * also carries `alError` (the contract's AlErrorCarrier), so either way of recognising it works.
 */
export class SessionAlError extends AlRuntimeError implements AlErrorCarrier {
  constructor(code: string, text: string) {
    super(text, code);
  }
  get alError(): AlErrorInfo {
    return this.info;
  }
}

export function raise(code: string, text: string): never {
  throw new SessionAlError(code, text);
}
