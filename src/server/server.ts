// The AL Session Lab language server process: LSP glue over the analysis and ide layers (documents, workspace
// indexing with progress, settings, diagnostics, code actions, hovers, definitions).
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFolderConfig } from '../analysis/config/lintConfig';
import type { Finding, Severity } from '../analysis/diagnostic';
import { decodeAlFile, findWorkspaceFiles } from '../analysis/files';
import { LineMap } from '../syntax';
import { readAppPackage } from '../language/apps/appPackage';
import { ruleMetas } from '../analysis/rules';
import { LanguageService } from '../ide/service';
import { readPreprocessorSymbols } from '../analysis/project';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { WorkerPass } from './workerPass';
import { TestFeed } from './testFeed';
import { TESTS_CHANGED_NOTIFICATION, TESTS_REQUEST, type TestsResult } from '../protocol/testDiscovery';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: ServerSettings = defaultSettings;
let service = new LanguageService({ maxFileBytes: settings.maxFileBytes });
/** With `alSessionLab.analysisThread: "worker"`: the worker thread (its own copy of the workspace) running the whole-workspace pass. */
let pass: WorkerPass | undefined;
/** The mode the workspace was indexed for: switching it re-indexes (the worker needs every file). */
let passMode: ServerSettings['analysisThread'] = defaultSettings.analysisThread;
let folders: string[] = [];
let supportsConfiguration = false;
let indexed = false;
const loggedFailures = new Set<string>();
const published = new Set<string>();
const lineMaps = new Map<string, { text: string; map: LineMap }>();
/** Files edited since the last analysis: their diagnostics are always re-published, even when empty. */
const dirty = new Set<string>();
const docsDir = resolve(__dirname, '..', 'docs', 'rules');
/** The Test Explorer's view of the workspace (alSessionLab/tests and its change notifications). */
const tests = new TestFeed(() => service.ws, (path, offset) => mapFor(path).position(offset), (params) => void connection.sendNotification(TESTS_CHANGED_NOTIFICATION, params), () => folders);
let markIndexed!: () => void;
/** Settles when the workspace was indexed the first time (test discovery waits for it). */
const firstIndex = new Promise<void>((r) => (markIndexed = r));

connection.onInitialize((params: InitializeParams) => {
  folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (folders.length === 0 && params.rootUri) folders = [fileURLToPath(params.rootUri)];
  supportsConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
      definitionProvider: true,
    },
    serverInfo: { name: 'al-session-lab' },
  };
});

connection.onInitialized(() => {
  void (async () => {
    await loadSettings();
    await indexWorkspace();
  })().catch((err) => connection.console.error(`indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
});

connection.onDidChangeConfiguration(() => {
  void loadSettings().then(() => {
    if (!indexed) return;
    if (settings.analysisThread !== passMode) {
      indexed = false;
      void indexWorkspace().catch((err) => connection.console.error(`indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
    } else void relintNow();
  });
});

async function loadSettings(): Promise<void> {
  if (supportsConfiguration) {
    const [own, al] = await connection.workspace.getConfiguration([{ section: 'alSessionLab' }, { section: 'al' }]);
    settings = readSettings(own, al);
  }
  applyConfig();
}

/** Folder configuration (app.json, .vscode/settings.json, ruleset) plus the editor's overrides. */
function applyConfig(): void {
  const fs = {
    readFile(p: string) {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const config = loadFolderConfig(folders[0] ?? process.cwd(), fs, settings.ruleSetPath);
  config.overrides = settings.overrides;
  if (!settings.enabled) config.only = new Set();
  for (const p of config.problems) connection.console.warn(p);
  service.config = config;
  pass?.configure(service.config, service.preprocessorSymbols);
}

/** Every change of the workspace goes through here, so the worker's copy stays the server's. */
function setFile(path: string, text: string, lazy = false): string | undefined {
  const refusal = service.setText(path, text, lazy);
  if (refusal) pass?.remove(path);
  else pass?.set(path, text, lazy);
  tests.touched(path);
  return refusal;
}

function removeFile(path: string): void {
  service.remove(path);
  pass?.remove(path);
  tests.touched(path);
}

async function indexWorkspace(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('AL Session Lab: indexing', 0, 'finding files', false);
  const found = findWorkspaceFiles(folders);
  service = new LanguageService({ maxFileBytes: settings.maxFileBytes });
  service.preprocessorSymbols = new Set(folders.flatMap((f) => readPreprocessorSymbols(f)));
  void pass?.dispose();
  pass = settings.analysisThread === 'worker' ? new WorkerPass(settings.maxFileBytes, (t) => connection.console.warn(`${t}; whole-workspace passes run on the server thread from now on`)) : undefined;
  passMode = settings.analysisThread;
  applyConfig();
  const total = found.alFiles.length;
  let done = 0;
  let lastReport = Date.now();
  for (const path of found.alFiles) {
    const open = documents.get(pathToFileURL(path).href);
    if (open) setFile(path, open.getText());
    else {
      try {
        const decoded = decodeAlFile(await readFile(path), settings.maxFileBytes);
        if (decoded.ok) setFile(path, decoded.text, true);
        else service.refused.set(path, decoded.reason);
      } catch (err) {
        service.refused.set(path, err instanceof Error ? err.message : String(err));
      }
    }
    done++;
    if (Date.now() - lastReport > 100) {
      progress.report(Math.floor((done / Math.max(1, total)) * 100), `${done}/${total} files`);
      lastReport = Date.now();
      // Let requests and document events through while indexing a large workspace.
      await new Promise((r) => setImmediate(r));
    }
  }
  for (const path of found.appPackages) {
    try {
      const pkg = readAppPackage(await readFile(path), path);
      service.ws.addPackage(pkg);
      pass?.addPackage(pkg);
    } catch (err) {
      connection.console.warn(`symbol package skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Open documents outside the folders still count.
  for (const d of documents.all()) if (d.uri.startsWith('file:')) setFile(fileURLToPath(d.uri), d.getText());
  progress.report(100, 'checking rules');
  indexed = true;
  markIndexed();
  tests.reindexed();
  await relintNow();
  progress.done();
  connection.console.info(`indexed ${done} files, ${found.appPackages.length} packages; lint ${service.lastLintMs} ms`);
}

documents.onDidChangeContent((e) => {
  if (!e.document.uri.startsWith('file:')) return;
  const path = fileURLToPath(e.document.uri);
  if (!path.toLowerCase().endsWith('.al')) return;
  lineMaps.delete(path);
  dirty.add(path);
  const oldText = service.ws.files.get(path)?.text;
  const newText = e.document.getText();
  if (oldText === newText) return;
  const parseStarted = performance.now();
  const refusal = setFile(path, newText);
  if (process.env.ALSL_TRACE_TIMING) connection.console.log(`parse: ${(performance.now() - parseStarted).toFixed(1)} ms`);
  if (refusal) connection.console.warn(`${path}: not analysed: ${refusal}`);
  if (!indexed) return;
  // Answer the edit at once with the local rules, then re-check the whole workspace when typing pauses.
  try {
    const started = performance.now();
    const changed = service.quickLint(path, oldText, refusal ? '' : newText);
    if (process.env.ALSL_TRACE_TIMING) connection.console.log(`quick analysis: ${(performance.now() - started).toFixed(1)} ms (parse and local rules) ${JSON.stringify(service.lastQuickBreakdown)}`);
    changed.add(path);
    dirty.delete(path);
    for (const p of changed) publish(p);
    logFailures();
  } catch (err) {
    connection.console.error(`analysis failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  scheduleRelint();
});

documents.onDidClose((e) => {
  // The file on disk is the truth again once the editor closes it.
  if (!e.document.uri.startsWith('file:')) return;
  const path = fileURLToPath(e.document.uri);
  void readFile(path).then(
    (buf) => {
      const decoded = decodeAlFile(buf, settings.maxFileBytes);
      if (decoded.ok) setFile(path, decoded.text);
      else removeFile(path);
      lineMaps.delete(path);
      if (indexed) scheduleRelint();
    },
    () => {
      removeFile(path);
      if (indexed) scheduleRelint();
    },
  );
});

connection.onDidChangeWatchedFiles(async (e) => {
  for (const c of e.changes) {
    if (!c.uri.startsWith('file:')) continue;
    const path = fileURLToPath(c.uri);
    if (path.toLowerCase().endsWith('app.json')) tests.appsChanged();
    if (!path.toLowerCase().endsWith('.al') || documents.get(c.uri)) continue;
    if (c.type === 3) removeFile(path);
    else {
      try {
        const decoded = decodeAlFile(await readFile(path), settings.maxFileBytes);
        if (decoded.ok) setFile(path, decoded.text);
      } catch {
        removeFile(path);
      }
    }
    lineMaps.delete(path);
  }
  if (indexed) scheduleRelint();
});

let timer: NodeJS.Timeout | undefined;
function scheduleRelint(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void relintNow();
  }, settings.debounceMs);
}

/** On the worker when it is there (the server thread only takes the result), else here in slices. */
async function wholePass(): Promise<Set<string> | undefined> {
  if (pass) {
    const outcome = await pass.run();
    if (outcome.kind === 'done') return service.acceptPass(outcome, outcome.ms);
    if (outcome.kind === 'stale') return undefined;
    pass = undefined;
  }
  return service.lintSliced(pause);
}

let running: Promise<void> | undefined;
let rerun = false;
const pause = () => new Promise<void>((r) => setImmediate(r));

/**
 * The whole-workspace pass, one rule per slice: edits, hovers and code actions are answered between slices. A pass that
 * an edit makes stale gives up (the edit scheduled the next one); rules whose inputs the edit did not touch reuse
 * their results, so the next pass costs what the edit changed.
 */
function relintNow(): Promise<void> {
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    let changed: Set<string> | undefined;
    try {
      changed = await wholePass();
    } catch (err) {
      // The engine isolates rules; anything escaping it is logged and leaves the previous diagnostics in place.
      connection.console.error(`analysis failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return;
    }
    if (!changed) {
      connection.console.log('full analysis: abandoned (the workspace changed during the pass)');
      return;
    }
    logFailures();
    connection.console.log(`full analysis: ${service.lastLintMs} ms (${pass ? 'analysis worker' : 'server thread'})`);
    for (const p of published) changed.add(p);
    for (const p of dirty) changed.add(p);
    dirty.clear();
    for (const path of service.refused.keys()) changed.add(path);
    for (const path of changed) publish(path);
  })().finally(() => {
    running = undefined;
    if (rerun) {
      rerun = false;
      scheduleRelint();
    }
  });
  return running;
}

/** A rule that throws is logged once (per rule) and skipped; the others still report. */
function logFailures(): void {
  for (const f of service.lastFailures) {
    if (loggedFailures.has(f.ruleId)) continue;
    loggedFailures.add(f.ruleId);
    connection.console.error(`rule ${f.ruleId} failed and was skipped (logged once): ${f.error}`);
  }
}

function publish(path: string): void {
  const uri = pathToFileURL(path).href;
  const findings = service.diagnostics(path);
  const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(path, f));
  const refused = service.refused.get(path);
  if (refused) diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'al-session-lab', message: `AL Session Lab does not analyse this file: ${refused}.` });
  if (diagnostics.length) published.add(path);
  else published.delete(path);
  void connection.sendDiagnostics({ uri, diagnostics });
}

function mapFor(path: string): LineMap {
  const text = service.ws.files.get(path)?.text ?? '';
  const hit = lineMaps.get(path);
  if (hit && hit.text === text) return hit.map;
  const map = new LineMap(text);
  lineMaps.set(path, { text, map });
  return map;
}

function range(path: string, start: number, end: number) {
  const m = mapFor(path);
  return { start: m.position(start), end: m.position(end) };
}

function toSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : s === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Hint;
}

function toDiagnostic(path: string, f: Finding): Diagnostic {
  const related = (f.path ?? []).filter((s) => s.file !== path || s.start !== f.start).slice(0, 20);
  return {
    range: range(path, f.start, f.end),
    severity: toSeverity(f.severity),
    code: f.ruleId,
    codeDescription: { href: pathToFileURL(`${docsDir}/${f.ruleId}.md`).href },
    source: 'al-session-lab',
    message: f.message,
    relatedInformation: related.length
      ? related.map((s) => ({ location: { uri: pathToFileURL(s.file).href, range: range(s.file, s.start, s.end) }, message: `path: ${s.label}` }))
      : undefined,
    data: { title: ruleMetas.get(f.ruleId)?.title },
  };
}

connection.onCodeAction((params) => {
  if (!params.textDocument.uri.startsWith('file:')) return [];
  const path = fileURLToPath(params.textDocument.uri);
  const m = mapFor(path);
  const start = m.offset(params.range.start.line, params.range.start.character);
  const end = m.offset(params.range.end.line, params.range.end.character);
  const actions: CodeAction[] = [];
  for (const { finding, fix } of service.codeActions(path, start, end)) {
    const changes: Record<string, { range: ReturnType<typeof range>; newText: string }[]> = {};
    for (const e of fix.edits) (changes[pathToFileURL(e.file).href] ??= []).push({ range: range(e.file, e.start, e.end), newText: e.newText });
    actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(path, finding)], edit: { changes }, isPreferred: true });
  }
  return actions;
});

connection.onHover((params) => {
  if (!params.textDocument.uri.startsWith('file:')) return null;
  const path = fileURLToPath(params.textDocument.uri);
  const offset = mapFor(path).offset(params.position.line, params.position.character);
  const h = service.hover(path, offset);
  return h ? { contents: { kind: 'markdown', value: h.markdown }, range: range(path, h.start, h.end) } : null;
});

connection.onDefinition((params) => {
  if (!params.textDocument.uri.startsWith('file:')) return null;
  const path = fileURLToPath(params.textDocument.uri);
  const offset = mapFor(path).offset(params.position.line, params.position.character);
  const d = service.definition(path, offset);
  return d ? { uri: pathToFileURL(d.file).href, range: range(d.file, d.start, d.end) } : null;
});

connection.onRequest(TESTS_REQUEST, async (): Promise<TestsResult> => {
  await firstIndex;
  return tests.all();
});

documents.listen(connection);
connection.listen();
