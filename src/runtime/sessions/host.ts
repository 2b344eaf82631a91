// Hosts a workspace in a session runtime: reads the AL files, loads them into the engine, builds the record
// store (with the Active Session / Session Event virtual tables), seeds scenario data, and plays scenarios.
// `run`, `serve` and the tests all go through here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Engine, LoadResult } from '../contracts';
import { loadApps, type AppSet } from '../../language/apps/loader';
import { AppJsonError } from '../../language/apps/appJson';
import { DependencyError, type LoadFinding } from '../../language/apps/findings';
import { Database } from '../store/database';
import { seedDatabase, SeedError, type SeedData } from '../store/seed';
import { SessionRuntime, type RuntimeOptions } from './runtime';
import { DEFAULT_SETTINGS, type SessionSettings } from './settings';
import { ACTIVE_SESSION, SESSION_EVENT, activeSessionRows, sessionEventRows, systemTablesAl } from './systemTables';
import { ScenarioError, type PageClient, type Scenario } from './scenario';
import { ScenarioRunner, type ScenarioResult } from './scenarioRunner';
import type { Session } from './session';
import type { CallResult } from './session';

/** A workspace that cannot be loaded (missing folder, AL that does not load): names file and line. */
export class WorkspaceError extends Error {}

export interface HostOptions {
  /** A folder with .al files (searched recursively), or the files themselves. */
  workspace?: string;
  files?: { path: string; text: string }[];
  createEngine: () => Engine;
  settings?: Partial<SessionSettings>;
  clock?: 'virtual' | 'real';
  seed?: number;
  freeRun?: boolean;
  /** Load errors fail the host (--strict); false keeps what loaded and lists the findings (the default). */
  strict?: boolean;
  /** Where the workspace's dependencies come from (docs/cli.md "Dependencies"). */
  dependencies?: DependencyOptions;
}

export interface DependencyOptions {
  sources?: string[];
  /** Default: the workspace's `.alpackages`. */
  packageCaches?: string[];
  preprocessorSymbols?: string[];
  /** The header cache folder, false for none (default AL_SESSION_LAB_CACHE or the user's cache folder). */
  cacheDir?: string | false;
}

/** A load error's kind, to count findings by (the engine's errors carry only a message). */
function findingKind(message: string): string {
  if (/is declared twice/.test(message)) return 'duplicateObject';
  if (/is internal to app/.test(message)) return 'access';
  if (/which is not in the workspace/.test(message)) return 'missingBaseObject';
  if (/does not support/.test(message)) return 'unsupported';
  if (/no such|unknown|not found|does not exist/i.test(message)) return 'unresolved';
  if (/app\.json/.test(message)) return 'badAppJson';
  if (/could not load/.test(message)) return 'loadError';
  return 'syntaxOrCompileError';
}

/** Every .al file under a folder (symlinks not followed, node_modules and dot-folders skipped). */
export function readAlFiles(folder: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && name.toLowerCase().endsWith('.al')) out.push({ path: full, text: readFileSync(full, 'utf8') });
    }
  };
  walk(folder);
  return out;
}

export class RuntimeHost {
  readonly engine: Engine;
  readonly db: Database;
  readonly rt: SessionRuntime;
  readonly workspace: string;
  loadResult: LoadResult;
  /** The workspace's apps and their dependencies (undefined for a host given files). */
  apps?: AppSet;
  /** What loading noticed: the workspace's load errors and the dependencies' findings. */
  findings: LoadFinding[] = [];
  /** Client sessions by company (lower-cased name) and client kind. */
  private readonly clients = new Map<string, Session>();

  constructor(private readonly options: HostOptions) {
    this.workspace = options.workspace ? resolve(options.workspace) : '';
    this.engine = options.createEngine();
    this.loadResult = this.load();
    // The store's default company is the runtime's: sessions there read and write the rows seeded without a company.
    this.db = new Database(this.engine.tables(), { company: options.settings?.companyName ?? DEFAULT_SETTINGS.companyName });
    // A dependency's table is built when first reached (by code, a FlowField or seeded data).
    this.engine.onTablesAdded = (defs) => this.db.defineTables(defs);
    const engine = this.engine;
    if (engine.ensureTable) this.db.onMissingTable = (t) => void engine.ensureTable!(t);
    const runtimeOptions: RuntimeOptions = { engine: this.engine, db: this.db, settings: options.settings, clock: options.clock, seed: options.seed, freeRun: options.freeRun };
    this.rt = new SessionRuntime(runtimeOptions);
    this.rt.setObjects(this.loadResult.objects);
    this.db.registerVirtualTable(ACTIVE_SESSION, () => activeSessionRows(this.rt));
    this.db.registerVirtualTable(SESSION_EVENT, () => sessionEventRows(this.rt));
  }

  private files(): { path: string; text: string }[] {
    if (this.options.files) return this.options.files;
    const st = statSync(this.workspace, { throwIfNoEntry: false });
    if (!st || !st.isDirectory()) throw new WorkspaceError(`${this.options.workspace}: the workspace folder does not exist`);
    const files = readAlFiles(this.workspace);
    if (files.length === 0) throw new WorkspaceError(`${this.options.workspace}: no .al files in the workspace`);
    return files;
  }

  /** The texts of the last load, to tell whether a reload would change anything. */
  private loadedTexts = new Map<string, string>();

  private load(files = this.files()): LoadResult {
    if (this.options.workspace && !this.options.files) {
      const deps = this.options.dependencies ?? {};
      try {
        this.apps = loadApps({ workspace: [this.workspace], dependencySources: deps.sources, packageCaches: deps.packageCaches, preprocessorSymbols: deps.preprocessorSymbols, cacheDir: deps.cacheDir });
      } catch (err) {
        if (err instanceof DependencyError || err instanceof AppJsonError) throw new WorkspaceError(err.message);
        throw err;
      }
    }
    const symbols = this.apps ? [...this.apps.workspaceApps[0].symbols] : this.options.dependencies?.preprocessorSymbols;
    // The virtual system tables load with the workspace so AL can declare records of them.
    const result = this.engine.load([...files, ...systemTablesAl()], { preprocessorSymbols: symbols, apps: this.apps });
    this.loadedTexts = new Map(files.map((f) => [f.path, f.text]));
    this.findings = [
      ...result.errors.map((e): LoadFinding => ({ kind: findingKind(e.message), severity: 'error', ...e })),
      ...(this.apps?.findings ?? []),
    ];
    const errors = this.findings.filter((f) => f.severity === 'error');
    if (this.options.strict === true && errors.length > 0) {
      const e = errors[0];
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new WorkspaceError(`${e.file}:${e.line + 1}:${e.character + 1}: ${e.message}${more}`);
    }
    return result;
  }

  /** Re-reads the AL (running sessions keep the code they started with) and picks up changed tables. */
  reload(files?: { path: string; text: string }[]): LoadResult {
    this.loadResult = this.load(files);
    this.db.defineTables(this.engine.tables().filter((t) => t.id !== ACTIVE_SESSION.id && t.id !== SESSION_EVENT.id));
    this.rt.setObjects(this.loadResult.objects);
    return this.loadResult;
  }

  /** Reloads only when a file was added, removed or changed since the last load (a warm test run): undefined when not. */
  reloadIfChanged(): LoadResult | undefined {
    const files = this.files();
    const same = files.length === this.loadedTexts.size && files.every((f) => this.loadedTexts.get(f.path) === f.text);
    return same ? undefined : this.reload(files);
  }

  /**
   * Seeds tables (of `company`, default the runtime's company; a company named here joins the database's companies);
   * errors name the scenario file and the line of the table's rows.
   */
  seedData(data: Record<string, Record<string, unknown>[]>, file = '<data>', lines: Record<string, number> = {}, company?: string): number {
    let n = 0;
    const into = company === undefined ? undefined : this.rt.addCompany(company);
    for (const [table, rows] of Object.entries(data)) {
      try {
        if (!this.db.hasTable(table)) throw new SeedError(`there is no table "${table}" in the workspace`);
        n += seedDatabase(this.db, { [table]: rows } as SeedData, into);
      } catch (err) {
        if (err instanceof SeedError || (err instanceof Error && err.name === 'AlRuntimeError')) throw new ScenarioError(`${file}:${lines[table] ?? 1}: ${err.message}`);
        throw err;
      }
    }
    return n;
  }

  /** The company a client names, as the database spells it (default the runtime's); a clear error when unknown. */
  private companyFor(company: string | undefined): string {
    if (company === undefined) return this.rt.settings.companyName;
    const known = this.rt.companyNamed(company);
    if (known === undefined) throw new ScenarioError(`there is no company ${JSON.stringify(company)} in the database (companies: ${this.rt.companies.map((c) => JSON.stringify(c)).join(', ')})`);
    return known;
  }

  /** The user's client session (pages open in it), in a company (default the runtime's); created on first use and kept open. */
  clientSession(company?: string): Session {
    const inCompany = this.companyFor(company);
    const key = `Web|${inCompany.toLowerCase()}`;
    let s = this.clients.get(key);
    if (!s || s.ended) {
      s = this.rt.createSession('Foreground', null, 'Client', 'Web client', 0, inCompany);
      s.keepAlive = true;
      this.rt.begin(s);
      this.clients.set(key, s);
    }
    return s;
  }

  /**
   * A web-service client's session (SOAP, OData, API): a foreground session without UI (GuiAllowed false) whose
   * pages run their page background tasks synchronously (bc-semantics §4). One per client kind, created on first
   * use and kept open.
   */
  webServiceSession(client: Exclude<PageClient, 'Web'> = 'WebService', company?: string): Session {
    // AL's ClientType: a generic web service is SOAP.
    const kind = client === 'WebService' ? 'SOAP' : client;
    const inCompany = this.companyFor(company);
    const key = `${kind}|${inCompany.toLowerCase()}`;
    let s = this.clients.get(key);
    if (!s || s.ended) {
      s = this.rt.createSession('Foreground', null, 'Client', `${kind} client`, 0, inCompany);
      s.clientType = 'Web Service';
      s.webServiceClient = kind;
      s.keepAlive = true;
      this.rt.begin(s);
      this.clients.set(key, s);
    }
    return s;
  }

  /** The session a page opens in for a client kind (`Web`, the default, or a web-service client) and company. */
  sessionFor(client: PageClient = 'Web', company?: string): Session {
    return client === 'Web' ? this.clientSession(company) : this.webServiceSession(client, company);
  }

  codeunitId(codeunit: string | number): number | undefined {
    if (typeof codeunit === 'number') return this.loadResult.objects.some((o) => o.type === 'Codeunit' && o.id === codeunit) ? codeunit : undefined;
    const o = this.loadResult.objects.find((x) => x.type === 'Codeunit' && (x.name.toLowerCase() === codeunit.toLowerCase() || String(x.id) === codeunit));
    return o?.id;
  }

  /** Runs a codeunit's OnRun in a new foreground session (in `company`, default the runtime's) and waits until it ended. */
  async runCodeunit(codeunit: string | number, company?: string): Promise<{ session: Session; result: CallResult }> {
    const s = this.startCodeunit(codeunit, company);
    const result = await this.rt.call(s, 'OnRun', () => ({ kind: 'codeunitRun', codeunit: this.codeunitId(codeunit)! }));
    return { session: s, result };
  }

  /** Starts a codeunit in a new foreground session without waiting (serve's runCodeunit). */
  startCodeunit(codeunit: string | number, company?: string): Session {
    const id = this.codeunitId(codeunit);
    if (id === undefined) {
      // A codeunit whose file does not load is "not there": say what failed to load, the likely reason.
      const errs = this.loadResult.errors;
      const why = errs.length ? `; the workspace has ${errs.length} load error(s), first ${basename(errs[0].file)}:${errs[0].line + 1}: ${errs[0].message}` : '';
      throw new ScenarioError(`there is no codeunit ${JSON.stringify(codeunit)} in the workspace${why}`);
    }
    const inCompany = company === undefined ? undefined : this.rt.companyNamed(company);
    if (company !== undefined && inCompany === undefined) throw new ScenarioError(`there is no company ${JSON.stringify(company)} in the database (companies: ${this.rt.companies.map((c) => JSON.stringify(c)).join(', ')})`);
    const s = this.rt.createSession('Foreground', null, `Codeunit ${id}`, this.rt.engineObjectName('Codeunit', id), 0, inCompany);
    this.rt.begin(s);
    return s;
  }

  runScenario(scenario: Scenario): Promise<ScenarioResult> {
    return new ScenarioRunner(this).run(scenario);
  }

  /** The client logs off (its page tasks are cancelled); background sessions run to their end. */
  async shutdown(): Promise<void> {
    for (const s of this.clients.values()) if (!s.ended) this.rt.endSession(s, 'completed', undefined);
    await this.rt.waitIdle();
  }
}
