// Request routing for the control server: each protocol command mapped to the runtime, the pages, the engine's
// breakpoints or a session's execution debugger. Bad arguments are RequestErrors (a failed response).
import type { AttachArguments, BreakpointRequest, FrameData, QueuedTaskInfo, RequestName } from '../../../protocol/runtimeProtocol';
import type { AlErrorInfo, ExecutionDebug } from '../../contracts';
import { errorData, PageOperationError, type PageState } from '../pages';
import { PAGE_CLIENTS, ScenarioError, scenarioFromJson, type PageClient } from '../scenario';
import type { Session } from '../session';
import type { Connection, ControlServer } from './controlServer';

export class RequestError extends Error {}

function num(args: Record<string, unknown>, name: string): number {
  const v = args[name];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RequestError(`'${name}' must be an integer`);
  return v;
}

function str(args: Record<string, unknown>, name: string): string {
  const v = args[name];
  if (typeof v !== 'string') throw new RequestError(`'${name}' must be a string`);
  return v;
}

/**
 * Answers one request. `command` is a RequestName (the server checked it and its arguments against the protocol's
 * schemas); the switch below is exhaustive over RequestName, so a request added to the protocol without a handler
 * here fails the typecheck (the `default` branch takes `never`).
 */
export async function handleRequest(server: ControlServer, c: Connection, command: RequestName, args: Record<string, unknown>): Promise<unknown> {
  const host = server.host;
  const rt = host.rt;

  const session = (): Session => {
    const id = num(args, 'session');
    const s = rt.sessions.get(id);
    if (!s || s.ended) throw new RequestError(`session ${id} is not running`);
    return s;
  };
  const debugOf = (s: Session): ExecutionDebug => {
    if (!s.current) throw new RequestError(`session ${s.id} is not running AL code now`);
    return s.current.exec.debug;
  };
  const stoppedDebug = (): ExecutionDebug => {
    const s = session();
    if (!s.paused) throw new RequestError(`session ${s.id} is not stopped`);
    return debugOf(s);
  };
  const page = (): PageState => {
    const id = num(args, 'pageInstanceId');
    const p = rt.pages.get(id);
    if (!p) throw new RequestError(`there is no page instance ${id}`);
    return p;
  };
  const pageOp = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof PageOperationError || err instanceof ScenarioError) throw new RequestError(err.message);
      throw err;
    }
  };
  /** The page after an operation, with the operation's AL error (a trigger or validation that failed). */
  const pageAfter = (p: PageState, error: AlErrorInfo | undefined) => ({ ...rt.pages.data(p), ...(error ? { error: errorData(error) } : {}) });

  switch (command) {
    case 'attach': {
      const sessions = server.debug.attach(c, args as AttachArguments);
      return { sessions: sessions.map((s) => rt.sessionInfo(s)) };
    }
    case 'debugSession': {
      const r = server.debug.adoptSession(c, num(args, 'session'));
      if (typeof r === 'string') throw new RequestError(r);
      return { session: rt.sessionInfo(r) };
    }
    case 'detach':
      server.debug.detach(c);
      return {};
    case 'sessions': {
      const sessions = [...rt.sessions.values()].filter((s) => !s.ended).map((s) => rt.sessionInfo(s));
      const queued: QueuedTaskInfo[] = rt.pageTasks.waiting().map((t) => ({ task: t.id, parentSession: t.parent.id, codeunit: `Codeunit ${t.codeunitId}`, enqueuedAt: 0 }));
      return { sessions, queued };
    }
    case 'setBreakpoints': {
      const file = str(args, 'file');
      const specs = (Array.isArray(args.breakpoints) ? args.breakpoints : []) as BreakpointRequest[];
      return { breakpoints: host.engine.setBreakpoints(file, specs) };
    }
    case 'setExceptionBreakpoints':
      server.debug.setExceptionBreakpoints(c, (args.breakOnError as 'None' | 'All' | 'ExcludeTry') ?? 'None', (args.breakOnRecordWrite as 'None' | 'All' | 'ExcludeTemporary') ?? 'None');
      return {};
    case 'continue':
    case 'next':
    case 'stepIn':
    case 'stepOut': {
      const s = session();
      if (!s.paused) throw new RequestError(`session ${s.id} is not stopped`);
      server.debug.resume(s, command === 'next' ? 'stepOver' : command);
      return {};
    }
    case 'pause': {
      const s = session();
      if (s.current) s.current.exec.debug.pause();
      else throw new RequestError(`session ${s.id} is not running AL code now`);
      return {};
    }
    case 'stackTrace': {
      const s = session();
      if (!s.current) return { frames: [] };
      const frames: FrameData[] = s.current.exec.debug.frames().map((f) => ({
        id: f.index,
        name: f.name,
        file: f.location.file,
        line: f.location.line,
        character: f.location.character,
        endLine: f.location.endLine,
        endCharacter: f.location.endCharacter,
      }));
      return { frames };
    }
    case 'scopes':
      return { scopes: stoppedDebug().scopes(num(args, 'frame')).map((s) => ({ ...s, expensive: false })) };
    case 'variables':
      return { variables: stoppedDebug().variables(num(args, 'reference')) };
    case 'evaluate':
      return stoppedDebug().evaluate(num(args, 'frame'), str(args, 'expression'));
    case 'setVariable':
      return stoppedDebug().setVariable(num(args, 'reference'), str(args, 'name'), str(args, 'value'));
    case 'exceptionInfo': {
      const e = stoppedDebug().exception();
      if (!e) throw new RequestError('the session did not stop on an error');
      return { code: e.code, text: e.text, callStack: e.callStack };
    }
    case 'stopSession': {
      const s = session();
      rt.stopSession(undefined, s.id, typeof args.comment === 'string' ? args.comment : '');
      return {};
    }
    case 'restartServer':
      rt.restartServer();
      return {};
    case 'openPage': {
      const p = args.page;
      if (typeof p !== 'string' && typeof p !== 'number') throw new RequestError("'page' must be a page name or id");
      const opened = await pageOp(async () => {
        const client = args.client === undefined ? 'Web' : args.client;
        if (!PAGE_CLIENTS.includes(client as PageClient)) throw new RequestError(`'client' must be one of ${PAGE_CLIENTS.join(', ')}`);
        if (args.company !== undefined && typeof args.company !== 'string') throw new RequestError("'company' must be a company name");
        // An unknown company is a ScenarioError: pageOp answers it as a request error.
        const session = host.sessionFor(client as PageClient, args.company as string | undefined);
        return rt.pages.open(session, p, (args.record as Record<string, string>) ?? undefined);
      });
      // A page whose opening trigger failed is closed; the answer carries the error the client shows.
      return pageAfter(opened.page, opened.error);
    }
    case 'pageState':
      return rt.pages.data(page());
    case 'navigate': {
      const p = page();
      const direction = args.direction === 'previous' ? 'previous' : args.direction === 'next' ? 'next' : undefined;
      if (!direction) throw new RequestError("'direction' must be 'next' or 'previous'");
      return pageAfter(p, await pageOp(() => rt.pages.navigate(p, direction, { quietAtEnd: true })));
    }
    case 'invokeAction': {
      const p = page();
      return pageAfter(p, await pageOp(() => rt.pages.invokeAction(p, str(args, 'action'))));
    }
    case 'setField': {
      const p = page();
      return pageAfter(p, await pageOp(() => rt.pages.setField(p, str(args, 'field'), String(args.value ?? ''))));
    }
    case 'pageRecord': {
      const p = page();
      const op = args.op;
      if (op === 'new') return pageAfter(p, await pageOp(() => rt.pages.newRecord(p)));
      if (op === 'delete') return pageAfter(p, await pageOp(() => rt.pages.deleteRecord(p)));
      if (op === 'select') return pageAfter(p, await pageOp(() => rt.pages.selectRow(p, num(args, 'row'))));
      throw new RequestError("'op' must be 'new', 'delete' or 'select'");
    }
    case 'closePage': {
      const p = page();
      await pageOp(() => rt.pages.close(p));
      return {};
    }
    case 'handleDialogs':
      server.handleDialogs(c, args.enabled !== false);
      return {};
    case 'answerDialog': {
      const answer = args.answer;
      if (typeof answer !== 'boolean' && typeof answer !== 'number') throw new RequestError("'answer' must be true/false (Confirm) or an option number (StrMenu)");
      if (!rt.answerDialog(num(args, 'dialog'), answer)) throw new RequestError(`dialog ${String(args.dialog)} is not waiting for an answer`);
      return {};
    }
    case 'runCodeunit': {
      const cu = args.codeunit;
      if (typeof cu !== 'string' && typeof cu !== 'number') throw new RequestError("'codeunit' must be a codeunit name or id");
      try {
        if (args.company !== undefined && typeof args.company !== 'string') throw new RequestError("'company' must be a company name");
        const s = host.startCodeunit(cu, args.company as string | undefined);
        void rt.enqueueCall(s, 'OnRun', () => ({ kind: 'codeunitRun', codeunit: host.codeunitId(cu)! }));
        return { session: s.id };
      } catch (err) {
        if (err instanceof ScenarioError) throw new RequestError(err.message);
        throw err;
      }
    }
    case 'runScenario': {
      try {
        const scenario = scenarioFromJson(args.scenario, '<runScenario>');
        const r = await host.runScenario(scenario);
        return r.ok ? { ok: true } : { ok: false, message: r.failed!.message };
      } catch (err) {
        if (err instanceof ScenarioError) return { ok: false, message: err.message };
        throw err;
      }
    }
    case 'reload': {
      const r = host.reload();
      return { objects: r.objects.length, errors: r.errors };
    }
    case 'timeline': {
      const from = args.from === undefined ? 0 : args.from;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) throw new RequestError("'from' must be an event number (0 or more)");
      const r = rt.timeline.since(from);
      return {
        ...r,
        ...(r.missing > 0
          ? { truncated: `events ${from} to ${r.from - 1} are no longer kept: the runtime keeps the latest ${rt.settings.eventHistoryLimit} (setting eventHistoryLimit)` }
          : {}),
      };
    }
    case 'runTests':
      return server.tests.start(args, (event, body) => c.send(event, body));
    case 'cancelTests':
      server.tests.cancel(num(args, 'run'));
      return {};
    case 'hello':
      throw new RequestError('hello was already done on this connection');
    default:
      return unhandled(command);
  }
}

/** Only reachable when the protocol gained a request this file does not handle: then it does not compile. */
function unhandled(command: never): never {
  throw new RequestError(`unknown command '${String(command)}'`);
}
