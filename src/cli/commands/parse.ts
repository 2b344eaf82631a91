// The `al-session-lab parse` command (see docs/cli.md): parses .al files/folders, reports syntax errors and stats.
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_FILE_BYTES } from '../../analysis/files';
import { join, relative, resolve } from 'node:path';
import { CliError, intFlag, parseArgs, type CommandContext } from '../cliSupport';
import { decode, isLossless, parseFile } from '../../syntax/index';

/** Collects .al files under a path (folders recursively; symlinks are not followed). */
function collectAlFiles(path: string, out: string[]): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const s = lstatSync(full);
      if (s.isSymbolicLink()) continue;
      if (s.isDirectory()) collectAlFiles(full, out);
      else if (s.isFile() && name.toLowerCase().endsWith('.al')) out.push(full);
    }
  } else out.push(path);
}

/**
 * Parses one file and returns plain facts about it. A function of its own so the tree is unreachable once it
 * returns (no loop variable keeps it alive while the next file is parsed; see src/syntax/README.md).
 */
function parseOne(file: string, name: string, maxLines: number, maxBytes: number): { bytes: number; errorCount: number; lines: string[]; lossless: boolean; skipped?: string } {
  let buf: Buffer;
  try {
    // The size cap lint has: a huge file costs seconds and gigabytes, and no real AL file is near it.
    const size = statSync(file).size;
    if (size > maxBytes) return { bytes: 0, errorCount: 0, lines: [], lossless: true, skipped: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (--max-file-mb)` };
    buf = readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${name}: ${(e as Error).message}`);
  }
  const text = decode(buf);
  const result = parseFile(text);
  const lines: string[] = [];
  for (const e of result.errors) {
    if (lines.length >= maxLines) break;
    const pos = result.lineMap.position(e.start);
    lines.push(`${name}:${pos.line + 1}:${pos.character + 1}: ${e.message}`);
  }
  return { bytes: buf.length, errorCount: result.errors.length, lines, lossless: isLossless(result.root, text) };
}

export async function parseCommand(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, { values: ['errors', 'max-file-mb'], booleans: ['stats'] });
  const maxErrors = intFlag(parsed, 'errors', 0);
  const maxBytes = intFlag(parsed, 'max-file-mb', DEFAULT_MAX_FILE_BYTES / 1048576) * 1048576;
  const paths = parsed.positional.length > 0 ? parsed.positional : ['.'];
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(ctx.cwd, p);
    try {
      lstatSync(abs);
    } catch {
      throw new CliError(`path not found: ${p}`);
    }
    collectAlFiles(abs, files);
  }
  const started = performance.now();
  let bytes = 0;
  let filesWithErrors = 0;
  let syntaxErrors = 0;
  let lossless = true;
  let shown = 0;
  let skipped = 0;
  const errorLines: string[] = [];
  for (const file of files) {
    const name = relative(ctx.cwd, file) || file;
    const r = parseOne(file, name, maxErrors - shown, maxBytes);
    if (r.skipped) {
      skipped++;
      ctx.stderr(`al-session-lab: skipped ${name}: ${r.skipped}\n`);
      continue;
    }
    bytes += r.bytes;
    if (!r.lossless) lossless = false;
    if (r.errorCount === 0) continue;
    filesWithErrors++;
    syntaxErrors += r.errorCount;
    shown += r.lines.length;
    errorLines.push(...r.lines);
  }
  const ms = Math.round(performance.now() - started);
  // With --stats stdout carries exactly one JSON object, so the error lines go to stderr.
  const errorsOut = parsed.booleans.has('stats') ? ctx.stderr : ctx.stdout;
  for (const line of errorLines) errorsOut(line + '\n');
  if (parsed.booleans.has('stats')) {
    ctx.stdout(JSON.stringify({ files: files.length - skipped, bytes, filesWithErrors, syntaxErrors, lossless, ms, ...(skipped ? { skipped } : {}) }) + '\n');
  } else if (errorLines.length === 0 || syntaxErrors > shown) {
    ctx.stdout(`${files.length - skipped} files, ${syntaxErrors} syntax errors in ${filesWithErrors} files${lossless ? '' : ', NOT lossless'}${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
  return syntaxErrors > 0 ? 1 : 0;
}
