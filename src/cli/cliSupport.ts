// Shared pieces of the CLI commands: the usage-error type, the output context and a small flag parser.

/** Bad usage or bad input: reported as one line on stderr with exit code 2, never a stack trace. */
export class CliError extends Error {}

export interface CommandContext {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface FlagSpec {
  /** Flags that take a value, e.g. `--format json`. */
  values: string[];
  /** Flags that take no value, e.g. `--stats`. */
  booleans: string[];
  /** Flags that take a value and may be given more than once, e.g. `--dependency-source DIR`. */
  repeated?: string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  booleans: Set<string>;
  /** The values of repeated flags, in the order given. */
  lists: Map<string, string[]>;
}

/** Parses `--flag value`, `--flag=value` and `--switch`; an unknown flag or a missing value is a CliError. */
export function parseArgs(args: string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: new Map(), booleans: new Set(), lists: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.booleans.includes(name)) {
      if (eq >= 0) throw new CliError(`flag --${name} takes no value`);
      out.booleans.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(`flag --${name} needs a value`);
      out.values.set(name, value);
    } else if (spec.repeated?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(`flag --${name} needs a value`);
      const l = out.lists.get(name);
      if (l) l.push(value);
      else out.lists.set(name, [value]);
    } else {
      throw new CliError(`unknown flag --${name}`);
    }
  }
  return out;
}

/** Parses a non-negative integer flag value or fails with a CliError naming the flag. */
export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new CliError(`flag --${name} needs a non-negative integer, got '${raw}'`);
  return Number(raw);
}

/**
 * Makes control characters visible: C0 controls other than newline and tab, DEL and the C1 controls (0x80-0x9f, where
 * CSI 0x9b can start a terminal escape) become `\u001b`-style escapes. The same text is valid inside a JSON string,
 * so JSON output keeps its meaning; newlines and tabs stay as they are (they structure the output).
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
