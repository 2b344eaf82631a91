// JUnit XML for test results (the format CI systems read): one <testsuite> per test codeunit, a <testcase> per
// test with <failure> (message, AL call stack) or <skipped>.
import type { TestResultEvent } from '../../runtime/sessions/testRun';

function esc(s: string): string {
  // XML 1.0 cannot carry most control characters even escaped: they are dropped.
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function junitXml(results: TestResultEvent[]): string {
  const suites = new Map<number, TestResultEvent[]>();
  for (const r of results) {
    const l = suites.get(r.codeunit);
    if (l) l.push(r);
    else suites.set(r.codeunit, [r]);
  }
  const total = (f: (r: TestResultEvent) => boolean) => results.filter(f).length;
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${results.length}" failures="${total((r) => r.outcome === 'failed')}" skipped="${total((r) => r.outcome === 'skipped')}">\n`;
  for (const [id, rs] of suites) {
    const time = rs.reduce((a, r) => a + r.ms, 0) / 1000;
    out += `  <testsuite name="${esc(`${id} ${rs[0].codeunitName}`)}" tests="${rs.length}" failures="${rs.filter((r) => r.outcome === 'failed').length}" skipped="${rs.filter((r) => r.outcome === 'skipped').length}" time="${time.toFixed(3)}">\n`;
    for (const r of rs) {
      out += `    <testcase classname="${esc(r.codeunitName)}" name="${esc(r.procedure || 'OnRun')}" file="${esc(r.file)}" line="${r.line + 1}" time="${(r.ms / 1000).toFixed(3)}"`;
      if (r.outcome === 'passed') {
        out += '/>\n';
        continue;
      }
      out += '>\n';
      if (r.outcome === 'skipped') out += `      <skipped${r.disabled ? ' message="disabled"' : ''}/>\n`;
      else {
        const stack = (r.error?.callStack ?? []).map((f) => `at ${f.object}.${f.procedure} (${f.file}:${f.line + 1})`).join('\n');
        out += `      <failure message="${esc(r.error?.text ?? '')}" type="${esc(r.error?.code || 'Error')}">${esc(stack)}</failure>\n`;
      }
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return out + '</testsuites>\n';
}
