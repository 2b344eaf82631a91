// The DAP session: translates DAP requests to the runtime control protocol and runtime events to DAP events.
// Every runtime session is a thread; each thread stops, steps and continues on its own. Lines and columns are
// converted here only (the protocol is 0-based, the client says what it wants in `initialize`).
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import {
  ContinuedEvent,
  DebugSession,
  Event,
  InitializedEvent,
  OutputEvent,
  StoppedEvent,
  TerminatedEvent,
  ThreadEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { RuntimeClient, RuntimeRequestError } from '../protocol/client';
import type { Events, SessionInfo, VariableData } from '../protocol/runtimeProtocol';
import { ConfigError, parseAttachConfig, parseLaunchConfig, toAttachArguments, type DebugOptions } from './config';
import { checkHitCondition, checkLogMessage, EXCEPTION_FILTERS, filtersToOptions } from './breakpoints';
import { startRuntime } from './launcher';
import { RuntimeClock } from './runtimeClock';
import { SessionReferences, type VariableContainer } from './references';
import { parameterRows, sessionScopeRows, threadName, type PlainVariable } from './sessionView';

/** How long attach waits for the client's configurationDone before it attaches anyway. */
const CONFIGURATION_WAIT_MS = 5000;

const STOP_REASON: Record<Events['stopped']['reason'], string> = {
  breakpoint: 'breakpoint',
  step: 'step',
  pause: 'pause',
  entry: 'entry',
  exception: 'exception',
  recordWrite: 'data breakpoint',
};

/** What the editor shows for a stop ("Paused on AL error (code)"); the runtime sends only the error code. */
function stopDescription(body: Events['stopped']): string | undefined {
  if (body.reason === 'exception') {
    const code = body.description && body.description !== 'Error' ? ` (${body.description})` : '';
    return `Paused on AL error${code}`;
  }
  if (body.reason === 'recordWrite') return body.description ?? 'Paused before a record write';
  return body.description;
}

export class AlSessionLabDebugSession extends DebugSession {
  private client: RuntimeClient | undefined;
  private runtimeProcess: ChildProcess | undefined;
  private readonly sessions = new Map<number, SessionInfo>();
  private readonly stopped = new Set<number>();
  private readonly refs = new SessionReferences();
  private attached = false;
  private ended = false;
  /** Exception settings: from the configuration first, then from the client's filters. */
  private exceptionOptions: Pick<DebugOptions, 'breakOnError' | 'breakOnRecordWrite'> = { breakOnError: 'All', breakOnRecordWrite: 'None' };
  private clientFilters: string[] | undefined;
  private configurationDone!: () => void;
  private readonly configured = new Promise<void>((resolve) => (this.configurationDone = resolve));
  /** The runtime clock, to tell how much time a session has left. */
  private clock: RuntimeClock | undefined;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  // -------------------------------------------------------------------------------------------------------
  // Lifecycle
  // -------------------------------------------------------------------------------------------------------

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsExceptionInfoRequest: true,
      supportsSingleThreadExecutionRequests: true,
      supportTerminateDebuggee: true,
      exceptionBreakpointFilters: EXCEPTION_FILTERS,
    };
    this.sendResponse(response);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configurationDone();
  }

  protected override attachRequest(response: DebugProtocol.AttachResponse, args: DebugProtocol.AttachRequestArguments): void {
    this.handle(response, async () => {
      const config = parseAttachConfig(args);
      await this.connectAndAttach(config.port, config.token, config);
    });
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): void {
    this.handle(response, async () => {
      const config = parseLaunchConfig(args);
      const runtime = await startRuntime({
        workspace: config.workspace,
        scenario: config.scenario,
        clock: config.clock,
        onOutput: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      });
      this.runtimeProcess = runtime.process;
      runtime.process.on('exit', (code, signal) => this.runtimeGone(`the runtime process exited (${signal ?? `exit code ${code}`})`));
      // A runtime this adapter started must not outlive it, even when the editor drops the adapter abruptly.
      process.once('exit', () => runtime.process.kill());
      await this.connectAndAttach(runtime.port, runtime.token, config);
    });
  }

  private async connectAndAttach(port: number, token: string, options: DebugOptions): Promise<void> {
    const client = await RuntimeClient.connect({ port, token, client: 'debugAdapter' });
    this.client = client;
    this.listen(client);
    this.exceptionOptions = { breakOnError: options.breakOnError, breakOnRecordWrite: options.breakOnRecordWrite };
    // Breakpoints and exception filters arrive between `initialized` and `configurationDone`; only then does the
    // runtime learn it has a debugger (so `serve --scenario` starts with every breakpoint in place).
    this.sendEvent(new InitializedEvent());
    await Promise.race([this.configured, new Promise((resolve) => setTimeout(resolve, CONFIGURATION_WAIT_MS))]);
    if (this.clientFilters) {
      const fromFilters = filtersToOptions(this.clientFilters);
      if (!options.explicit.breakOnError) this.exceptionOptions.breakOnError = fromFilters.breakOnError;
      if (!options.explicit.breakOnRecordWrite) this.exceptionOptions.breakOnRecordWrite = fromFilters.breakOnRecordWrite;
    }
    const result = await client.request('attach', toAttachArguments({ ...options, ...this.exceptionOptions }));
    this.attached = true;
    for (const info of result.sessions) {
      if (info.state === 'ended' || this.sessions.has(info.id)) continue;
      this.sessions.set(info.id, info);
      this.sendEvent(new ThreadEvent('started', info.id));
    }
    // Breakpoints are in place and the runtime knows its debugger: whoever started this session for a purpose (the
    // Test Explorer's Debug run) may go on now.
    this.sendEvent(new Event('alSessionLab.attached', { sessions: result.sessions.length }));
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    // After answering, the adapter process ends (as the base class does), since an editor may not kill it.
    this.handle(response, () => this.detach(args), () => this.shutdown());
  }

  private async detach(args: DebugProtocol.DisconnectArguments): Promise<void> {
    this.ended = true;
    const client = this.client;
    this.client = undefined;
    if (client && !client.closed) {
      // Detach resumes every session stopped for this debugger; the runtime keeps running for others.
      try {
        await client.request('detach', {});
      } catch {
        /* the runtime is already gone: nothing to resume */
      }
      client.dispose();
    }
    const launched = this.runtimeProcess;
    if (launched && args.terminateDebuggee !== false && launched.exitCode === null) launched.kill();
    this.stopped.clear();
  }

  /** The runtime ended or the connection broke: say so once and end the debug session. */
  private runtimeGone(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.client?.dispose();
    this.client = undefined;
    this.sendEvent(new OutputEvent(`AL Session Lab: the debug session ended because ${reason}.\n`, 'stderr'));
    this.sendEvent(new TerminatedEvent());
  }

  // -------------------------------------------------------------------------------------------------------
  // Runtime events
  // -------------------------------------------------------------------------------------------------------

  private listen(client: RuntimeClient): void {
    client.onClose((reason) => this.runtimeGone(reason));
    client.on('terminated', (body) => this.runtimeGone(`the runtime shut down: ${body.reason}`));
    const clock = (this.clock = new RuntimeClock(client.clock));
    client.on('timeline', (event) => clock.timeline(event));
    client.on('sessionStarted', (info) => {
      clock.session(info);
      const known = this.sessions.has(info.id);
      this.sessions.set(info.id, info);
      if (!known) this.sendEvent(new ThreadEvent('started', info.id));
    });
    client.on('sessionEnded', (body) => {
      if (!this.sessions.delete(body.session)) return;
      this.stopped.delete(body.session);
      this.refs.release(body.session);
      if (body.error) {
        this.sendEvent(new OutputEvent(`Session ${body.session} ended with an error: ${body.error.text}\n`, 'stderr'));
      }
      this.sendEvent(new ThreadEvent('exited', body.session));
    });
    client.on('stopped', (body) => {
      this.stopped.add(body.session);
      const info = this.sessions.get(body.session);
      if (info) info.state = 'stopped';
      else void this.learnSession(body.session);
      const event = new StoppedEvent(STOP_REASON[body.reason] ?? body.reason, body.session, body.text) as DebugProtocol.StoppedEvent;
      event.body.allThreadsStopped = false;
      event.body.preserveFocusHint = false;
      const description = stopDescription(body);
      if (description) event.body.description = description;
      if (body.breakpointIds?.length) event.body.hitBreakpointIds = body.breakpointIds;
      this.sendEvent(event);
    });
    client.on('continued', (body) => {
      // Continues this adapter asked for were already answered; report only those that came from elsewhere.
      if (!this.stopped.delete(body.session)) return;
      this.refs.release(body.session);
      this.sendEvent(new ContinuedEvent(body.session, false));
    });
    client.on('output', (body) => {
      const text = body.text.endsWith('\n') ? body.text : body.text + '\n';
      const event = new OutputEvent(text, body.category) as DebugProtocol.OutputEvent;
      if (body.file) {
        event.body.source = { name: path.basename(body.file), path: body.file };
        if (body.line !== undefined) event.body.line = this.convertDebuggerLineToClient(body.line);
      }
      this.sendEvent(event);
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Breakpoints
  // -------------------------------------------------------------------------------------------------------

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    this.handle(response, async () => {
      const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
      const file = args.source.path;
      if (!file) {
        response.body = { breakpoints: requested.map(() => ({ verified: false, message: 'Breakpoints need an .al file on disk.' })) };
        return;
      }
      // Options the runtime could not honour are refused here with the reason, the rest go through.
      const problems = requested.map((bp) => (bp.hitCondition ? checkHitCondition(bp.hitCondition) : undefined) ?? (bp.logMessage ? checkLogMessage(bp.logMessage) : undefined));
      const accepted = requested.filter((_, i) => !problems[i]);
      const result = await this.runtime().request('setBreakpoints', {
        file: path.resolve(file),
        breakpoints: accepted.map((bp) => ({
          line: this.convertClientLineToDebugger(bp.line),
          ...(bp.condition ? { condition: bp.condition } : {}),
          ...(bp.hitCondition ? { hitCondition: bp.hitCondition.trim() } : {}),
          ...(bp.logMessage ? { logMessage: bp.logMessage } : {}),
        })),
      });
      let next = 0;
      response.body = {
        breakpoints: requested.map((bp, i): DebugProtocol.Breakpoint => {
          if (problems[i]) return { verified: false, line: bp.line, message: problems[i] };
          const r = result.breakpoints[next++];
          if (!r) return { verified: false, line: bp.line, message: 'The runtime did not answer for this breakpoint.' };
          const line = this.convertDebuggerLineToClient(r.line);
          // A breakpoint that moved says why, in the client's line numbers, when the runtime gave no reason.
          const message = r.message ?? (r.verified && line !== bp.line ? `Moved from line ${bp.line} to line ${line}: line ${bp.line} has no executable statement.` : undefined);
          return { id: r.id, verified: r.verified, line, source: args.source, ...(message ? { message } : {}) };
        }),
      };
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.handle(response, async () => {
      const filters = [...(args.filters ?? []), ...(args.filterOptions ?? []).map((f) => f.filterId)];
      const unknown = filters.filter((f) => !EXCEPTION_FILTERS.some((e) => e.filter === f));
      if (unknown.length) throw new Error(`unknown exception filter ${unknown.map((f) => `'${f}'`).join(', ')}`);
      this.clientFilters = filters;
      // Before attach the settings are merged with the configuration's (see connectAndAttach); afterwards the
      // user's filter choices apply at once.
      if (!this.attached) return;
      this.exceptionOptions = filtersToOptions(filters);
      await this.runtime().request('setExceptionBreakpoints', this.exceptionOptions);
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Threads and execution control
  // -------------------------------------------------------------------------------------------------------

  /** `alSessionLab.debugSession` (Debug This Session while this debug session runs): the session joins this one. */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    if (command !== 'alSessionLab.debugSession') {
      super.customRequest(command, response, args);
      return;
    }
    this.handle(response, async () => {
      const id = Number((args as { sessionId?: unknown })?.sessionId);
      const { session: info } = await this.runtime().request('debugSession', { session: id });
      if (!this.sessions.has(info.id)) {
        this.sessions.set(info.id, info);
        this.sendEvent(new ThreadEvent('started', info.id));
      }
      response.body = { session: info.id };
    });
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const threads = [...this.sessions.values()].sort((a, b) => a.id - b.id).map((info) => ({ id: info.id, name: threadName(info) }));
    response.body = { threads };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    this.handle(response, async () => {
      await this.resume('continue', args.threadId);
      response.body = { allThreadsContinued: false };
    });
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.handle(response, () => this.resume('next', args.threadId));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.handle(response, () => this.resume('stepIn', args.threadId));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.handle(response, () => this.resume('stepOut', args.threadId));
  }

  private async resume(command: 'continue' | 'next' | 'stepIn' | 'stepOut', session: number): Promise<void> {
    // Forget the stop first: the runtime may report the next stop before it answers this request.
    this.stopped.delete(session);
    this.refs.release(session);
    const info = this.sessions.get(session);
    if (info) info.state = 'running';
    await this.runtime().request(command, { session });
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse, args: DebugProtocol.PauseArguments): void {
    this.handle(response, async () => {
      await this.runtime().request('pause', { session: args.threadId });
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Inspection
  // -------------------------------------------------------------------------------------------------------

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    this.handle(response, async () => {
      const session = args.threadId;
      const { frames } = await this.runtime().request('stackTrace', { session });
      const start = args.startFrame ?? 0;
      const end = args.levels ? start + args.levels : frames.length;
      response.body = {
        totalFrames: frames.length,
        stackFrames: frames.slice(start, end).map((f) => ({
          id: this.refs.frameId({ session, frame: f.id }),
          name: f.name,
          source: { name: path.basename(f.file), path: f.file },
          line: this.convertDebuggerLineToClient(f.line),
          column: this.convertDebuggerColumnToClient(f.character),
          endLine: this.convertDebuggerLineToClient(f.endLine),
          endColumn: this.convertDebuggerColumnToClient(f.endCharacter),
        })),
      };
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.handle(response, async () => {
      const frame = this.refs.frame(args.frameId);
      if (!frame) throw new Error('that stack frame is gone: the session ran on since it was shown');
      const { scopes } = await this.runtime().request('scopes', { session: frame.session, frame: frame.frame });
      const out: DebugProtocol.Scope[] = scopes.map((s) => ({
        name: s.name,
        variablesReference: s.reference ? this.refs.containerId({ kind: 'runtime', session: frame.session, reference: s.reference }) : 0,
        expensive: s.expensive,
        ...(s.name === 'Locals' ? { presentationHint: 'locals' } : {}),
      }));
      out.push({ name: 'Session', variablesReference: this.refs.containerId({ kind: 'sessionScope', session: frame.session }), expensive: false });
      response.body = { scopes: out };
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    this.handle(response, async () => {
      const container = this.refs.container(args.variablesReference);
      if (!container) throw new Error('those variables are gone: the session ran on since they were shown');
      let variables: DebugProtocol.Variable[];
      if (container.kind === 'runtime') {
        const body = await this.runtime().request('variables', { session: container.session, reference: container.reference });
        variables = body.variables.map((v) => this.toDapVariable(container.session, v));
      } else {
        const info = await this.freshSessionInfo(container.session);
        const rows = container.kind === 'sessionScope' ? sessionScopeRows(info, this.clock?.now()) : parameterRows(info);
        variables = rows.map((row) => this.plainVariable(container, row));
      }
      const start = args.start ?? 0;
      response.body = { variables: args.count ? variables.slice(start, start + args.count) : variables.slice(start) };
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    this.handle(response, async () => {
      const container = this.refs.container(args.variablesReference);
      if (!container) throw new Error('that variable is gone: the session ran on since it was shown');
      if (container.kind !== 'runtime') throw new Error(`'${args.name}' describes the session and cannot be changed`);
      const v = await this.runtime().request('setVariable', { session: container.session, reference: container.reference, name: args.name, value: args.value });
      response.body = {
        value: v.value,
        type: v.type,
        variablesReference: v.reference ? this.refs.containerId({ kind: 'runtime', session: container.session, reference: v.reference }) : 0,
      };
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    this.handle(response, async () => {
      if (args.frameId === undefined) {
        throw new Error('AL expressions are evaluated in a stopped session: select a frame of a stopped session first');
      }
      const frame = this.refs.frame(args.frameId);
      if (!frame) throw new Error('that stack frame is gone: the session ran on since it was shown');
      const v = await this.runtime().request('evaluate', { session: frame.session, frame: frame.frame, expression: args.expression });
      response.body = {
        result: v.value,
        type: v.type,
        variablesReference: v.reference ? this.refs.containerId({ kind: 'runtime', session: frame.session, reference: v.reference }) : 0,
      };
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    this.handle(response, async () => {
      const error = await this.runtime().request('exceptionInfo', { session: args.threadId });
      response.body = {
        exceptionId: error.code || 'Error',
        description: error.text,
        breakMode: this.exceptionOptions.breakOnError === 'ExcludeTry' ? 'userUnhandled' : 'always',
        details: { message: error.text, typeName: error.code || 'Error', stackTrace: error.callStack },
      };
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------------------

  private toDapVariable(session: number, v: VariableData): DebugProtocol.Variable {
    return {
      name: v.name,
      value: v.value,
      type: v.type,
      variablesReference: v.reference ? this.refs.containerId({ kind: 'runtime', session, reference: v.reference }) : 0,
      ...(v.editable ? {} : { presentationHint: { attributes: ['readOnly'] } }),
    };
  }

  private plainVariable(container: VariableContainer, row: PlainVariable): DebugProtocol.Variable {
    return {
      name: row.name,
      value: row.value,
      type: row.type,
      variablesReference: row.parameters ? this.refs.containerId({ kind: 'sessionParameters', session: container.session }) : 0,
      presentationHint: { attributes: ['readOnly'] },
    };
  }

  /** The runtime's view of a session now (state and time left change while it is shown). */
  private async freshSessionInfo(session: number): Promise<SessionInfo> {
    const { sessions } = await this.runtime().request('sessions', {});
    const info = sessions.find((s) => s.id === session) ?? this.sessions.get(session);
    if (!info) throw new Error(`session ${session} has ended`);
    return info;
  }

  /** A stop of a session this adapter has not heard of: ask the runtime so the thread shows. */
  private async learnSession(session: number): Promise<void> {
    try {
      const info = (await this.runtime().request('sessions', {})).sessions.find((s) => s.id === session);
      if (info && !this.sessions.has(session)) {
        this.sessions.set(session, info);
        this.sendEvent(new ThreadEvent('started', session));
      }
    } catch {
      /* the runtime went away; runtimeGone reports it */
    }
  }

  private runtime(): RuntimeClient {
    if (!this.client) throw new Error(this.ended ? 'the debug session has ended' : 'not attached to a runtime yet');
    return this.client;
  }

  /** Runs a request's work and answers it: success, or an error response with a one-line reason. */
  private handle<R extends DebugProtocol.Response>(response: R, work: () => Promise<void> | void, after?: () => void): void {
    Promise.resolve()
      .then(work)
      .then(
        () => this.sendResponse(response),
        (err: unknown) => this.fail(response, err),
      )
      .then(after);
  }

  private fail(response: DebugProtocol.Response, err: unknown): void {
    let text = err instanceof Error ? err.message : String(err);
    if (err instanceof RuntimeRequestError && err.connectionLost) text = `the runtime is not reachable: ${text}`;
    if (!(err instanceof ConfigError) && !(err instanceof RuntimeRequestError)) text = text.charAt(0).toUpperCase() + text.slice(1);
    response.success = false;
    response.message = text;
    // Built by hand rather than with sendErrorResponse, whose formatter chokes on AL text holding `{_...}`.
    (response as DebugProtocol.ErrorResponse).body = { error: { id: 1001, format: text, showUser: true } };
    this.sendResponse(response);
  }
}
