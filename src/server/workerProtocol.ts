// Messages between the language server and its analysis worker (analysisWorker.ts): the server mirrors every file
// change to the worker and asks it for whole-workspace passes; plain data only (structured clone).
import type { Finding } from '../analysis/diagnostic';
import type { RuleFailure } from '../analysis/lint';

export type ToWorker =
  | { type: 'set'; path: string; text: string; lazy: boolean }
  | { type: 'remove'; path: string }
  | { type: 'package'; pkg: unknown }
  | { type: 'configure'; config: unknown; preprocessorSymbols: string[] }
  | { type: 'lint'; id: number };

export type FromWorker =
  | { type: 'result'; id: number; findings: Finding[]; failures: RuleFailure[]; ms: number }
  | { type: 'failed'; id: number; error: string };
