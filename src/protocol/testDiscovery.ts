// The language server's test discovery messages (custom LSP methods): the extension's Test Explorer asks for every
// test once and then hears about the files whose tests changed. One source of truth for both ends.
// Positions are LSP's: 0-based line and UTF-16 character.

/** Request, no parameters: every test codeunit of the workspace (answered once indexing is done). */
export const TESTS_REQUEST = 'alSessionLab/tests';
/** Notification from the server: these files' tests changed (a file with no codeunits lost its tests or was deleted). */
export const TESTS_CHANGED_NOTIFICATION = 'alSessionLab/testsChanged';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The app a file belongs to: the nearest app.json above it. */
export interface TestAppInfo {
  /** app.json `id`, or the folder when app.json has none (or there is no app.json). */
  key: string;
  name: string;
  /** file: URI of the app's folder (where app.json is). */
  folder: string;
}

export interface DiscoveredTest {
  name: string;
  range: LspRange;
  /** The procedure's name: where the editor shows the run button. */
  selectionRange: LspRange;
}

export interface DiscoveredCodeunit {
  id: number;
  name: string;
  range: LspRange;
  selectionRange: LspRange;
  requiredTestIsolation?: string;
  testPermissions?: string;
  tests: DiscoveredTest[];
}

export interface FileTests {
  /** file: URI */
  uri: string;
  app: TestAppInfo;
  codeunits: DiscoveredCodeunit[];
}

export interface TestRunnerInfo {
  id: number;
  name: string;
  testIsolation: string;
  uri: string;
}

export interface TestsResult {
  files: FileTests[];
  runners: TestRunnerInfo[];
  /** Milliseconds the server spent collecting the answer (models already built). */
  ms: number;
}

export interface TestsChangedParams {
  files: FileTests[];
  /** The workspace's test runners after the change (they decide how multi-session tests run). */
  runners: TestRunnerInfo[];
}
