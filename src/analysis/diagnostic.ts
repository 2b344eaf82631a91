// The plain-data shape of a BG finding: rule id, severity, message, where (file + offsets), the call path, a fix.

export type Severity = 'error' | 'warning' | 'info' | 'hidden';
/** What a ruleset or setting can make of a rule: a severity, or `none` (not computed, not shown). */
export type RuleAction = Severity | 'none';

/** One replacement in a file, in UTF-16 offsets of the file's text. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** A quick fix a rule offers for its finding (applied by the editor as a code action). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One step of the call path that leads from the entry trigger to the reported call. */
export interface PathStep {
  /** What is shown in the message, e.g. `StartCalculations` or `"Sales-Post".CheckVATDate`. */
  label: string;
  file: string;
  start: number;
  end: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  start: number;
  end: number;
  /** The call path from the entry trigger (first) to the reported call (last); empty for local findings. */
  path?: PathStep[];
  fixes?: Fix[];
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : s === 'info' ? 1 : 0;
}

/** Parses a ruleset/settings action word (case-insensitive); `default` and unknown words give undefined. */
export function parseAction(word: unknown): RuleAction | undefined {
  if (typeof word !== 'string') return undefined;
  switch (word.toLowerCase()) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'information':
      return 'info';
    case 'hidden':
      return 'hidden';
    case 'none':
      return 'none';
    default:
      return undefined;
  }
}
