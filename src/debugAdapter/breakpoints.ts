// Breakpoint options as the adapter checks them before the runtime sees them, and the exception filters that
// stand for the AL attach options breakOnError / breakOnRecordWrite.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BreakOnError, BreakOnRecordWrite } from './config';

/**
 * Hit counts as the AL world writes them: `5` or `== 5` (the 5th hit), `>= 3`, `> 3`, `< 3`, `<= 3`,
 * `% 2` (every 2nd hit). Returns a reason when the text is none of these.
 */
export function checkHitCondition(text: string): string | undefined {
  if (/^\s*(==|>=|<=|>|<|%)?\s*\d+\s*$/.test(text)) {
    if (/^\s*%\s*0+\s*$/.test(text)) return `hit count '${text}': '% 0' would never stop`;
    return undefined;
  }
  return `hit count '${text}' is not understood: write a number (5), a comparison (>= 3) or a modulo (% 2)`;
}

/** Logpoint text must have balanced, non-empty, non-nested `{expression}` parts. */
export function checkLogMessage(text: string): string | undefined {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (open >= 0) return `log message: '{' inside an {expression} at character ${i + 1}`;
      open = i;
    } else if (c === '}') {
      if (open < 0) return `log message: '}' without '{' at character ${i + 1}`;
      if (i === open + 1) return `log message: an empty {} at character ${open + 1}`;
      open = -1;
    }
  }
  return open < 0 ? undefined : "log message: an '{expression}' is not closed with '}'";
}

export const EXCEPTION_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  { filter: 'allErrors', label: 'All AL errors', description: 'Break on every AL error, also inside try functions (breakOnError: All).', default: true },
  { filter: 'errorsOutsideTry', label: 'AL errors outside try functions', description: 'Break on AL errors that are not caught by a [TryFunction] (breakOnError: ExcludeTry).', default: false },
  { filter: 'recordWrites', label: 'Record writes', description: 'Break before a record is inserted, modified, renamed or deleted (breakOnRecordWrite: All).', default: false },
  { filter: 'recordWritesNotTemporary', label: 'Record writes (not temporary tables)', description: 'Break before a write to a real table (breakOnRecordWrite: ExcludeTemporary).', default: false },
];

export function filtersToOptions(filters: string[]): { breakOnError: BreakOnError; breakOnRecordWrite: BreakOnRecordWrite } {
  const has = (f: string) => filters.includes(f);
  return {
    breakOnError: has('allErrors') ? 'All' : has('errorsOutsideTry') ? 'ExcludeTry' : 'None',
    breakOnRecordWrite: has('recordWrites') ? 'All' : has('recordWritesNotTemporary') ? 'ExcludeTemporary' : 'None',
  };
}
