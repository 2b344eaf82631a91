// Tests of snippets/al-session-lab.code-snippets: valid JSON, t-prefixes that do not collide with the AL extension,
// bodies that expand cleanly, and the BC patterns each snippet exists to teach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandSnippet, SnippetSyntaxError } from './snippetExpand';
import { parseFile } from '../../src/syntax';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const snippetPath = join(root, pkg.contributes.snippets[0].path);

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(snippetPath, 'utf8'));

/** Prefixes of the snippets shipped with Microsoft's AL Language extension (ms-dynamics-smb.al), which we must not shadow. */
const alExtensionPrefixes = new Set([
  'tcodeunit', 'tpage', 'tpagecust', 'tpageext', 'tpagefield', 'tpageview', 'ttable', 'ttableext', 'treport',
  'treportext', 'txmlport', 'tquery', 'tenum', 'tenumext', 'tinterface', 'tprofile', 'tprofileext', 'tpermissionset',
  'tpermissionsetext', 'tcontroladdin', 'tentitlement', 'tdotnet', 'tprocedure', 'ttrigger', 'tfield', 'tkey',
  'tfieldgroup', 'taction', 'tactionref', 'tgroup', 'tpart', 'tsystempart', 'tusercontrol', 'trepeater', 'tcuegroup',
  'tgrid', 'tfixed', 'tarea', 'tdataitem', 'tcolumn', 'tlabel', 'tvalue', 'tif', 'tifelse', 'tcase', 'tcaseelse',
  'tfor', 'tforeach', 'twhile', 'trepeat', 'twith', 'tbegin', 'tvar', 'tevent', 'teventsub', 'teventsubscriber',
  'tbusinessevent', 'tintegrationevent', 'tinternalevent', 'ttryfunction', 'ttestcodeunit', 'ttestfunction',
  'ttestpage', 'tmessagehandler', 'tconfirmhandler', 'tmodalpagehandler', 'tpagehandler', 'treporthandler',
  'tstrmenuhandler', 'tsendnotificationhandler', 'trecallnotificationhandler', 'thyperlinkhandler',
  'tfilterpagehandler', 'trequestpagehandler', 'tsessionsettingshandler', 'ttableelement', 'tfieldelement',
  'ttextelement', 'tfieldattribute', 'ttextattribute', 'tschema', 'trequestpage', 'tlayout', 'trendering',
  'tpageapi', 'tqueryapi', 'tapi', 'tmodify', 'taddafter', 'taddbefore', 'taddfirst', 'taddlast', 'tmoveafter',
  'tmovebefore', 'tmovefirst', 'tmovelast', 'tview', 'tfilter', 'tnamespace', 'tusing', 'tpragma', 'tregion',
  'terror', 'tmessage', 'tconfirm', 'tlabelvar', 'ttextconst', 'ttooltip',
]);

test('the snippet file is valid JSON with prefix, body and description for every snippet', () => {
  const names = Object.keys(snippets);
  assert.ok(names.length >= 8, `expected at least 8 snippets, found ${names.length}`);
  for (const [name, s] of Object.entries(snippets)) {
    assert.equal(typeof s.prefix, 'string', `${name}: prefix`);
    assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), `${name}: body`);
    assert.ok(typeof s.description === 'string' && s.description.length >= 60, `${name}: a description that teaches (shown in completion)`);
    for (const l of s.body) assert.ok(!/^ +/.test(l), `${name}: indent with \\t so VS Code applies the user's indentation: ${JSON.stringify(l)}`);
  }
});

test('prefixes start with t, are unique, and do not shadow the AL extension', () => {
  const seen = new Set<string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.match(s.prefix, /^t[a-z]+$/, `${name}: prefix ${s.prefix}`);
    assert.ok(!alExtensionPrefixes.has(s.prefix), `${name}: ${s.prefix} is an AL extension prefix`);
    assert.ok(!seen.has(s.prefix), `${name}: duplicate prefix ${s.prefix}`);
    seen.add(s.prefix);
  }
  for (const wanted of ['tstartsession', 'tstartsessiontimeout', 'tpagebackgroundtask', 'tbackgroundcodeunit', 'tcreatetask', 'tguiallowed']) {
    assert.ok(seen.has(wanted), `missing ${wanted}`);
  }
});

test('every body expands; repeated tab stops agree on their default', () => {
  for (const [name, s] of Object.entries(snippets)) {
    const { text, tabStops } = expandSnippet(s.body);
    assert.ok(!/\$\{?\d/.test(text), `${name}: unexpanded tab stop in ${text}`);
    for (const [n, defaults] of tabStops) {
      const given = defaults.filter((d) => d !== '');
      assert.ok(given.every((d) => d === given[0]), `${name}: tab stop ${n} has different defaults ${JSON.stringify(given)}`);
    }
  }
});

test('the expander itself: placeholders, nesting, choices, escapes, and malformed bodies', () => {
  assert.equal(expandSnippet(['a \\$1 ${1:x ${2:y}} ${3|p,q|} $0 \\} \\\\ $ b']).text, 'a $1 x y p  } \\ $ b');
  assert.equal(expandSnippet('${1}$2${TM_SELECTED_TEXT:sel}').text, 'sel');
  assert.deepEqual(expandSnippet('${1:a} $1').tabStops.get(1), ['a', '']);
  assert.throws(() => expandSnippet('${1:open'), SnippetSyntaxError);
  assert.throws(() => expandSnippet('${1|a,b}'), SnippetSyntaxError);
  // A lone } is text (AL object bodies end with one), as in VS Code.
  assert.equal(expandSnippet('x }').text, 'x }');
});

function bodyOf(prefix: string): string {
  const s = Object.values(snippets).find((x) => x.prefix === prefix);
  assert.ok(s, prefix);
  return expandSnippet(s.body).text;
}

/** Code without its // comments, so pattern checks look at statements, not at explanations. */
function code(text: string): string {
  return text.replace(/\/\/.*$/gm, '');
}

test('tstartsession checks the Boolean result and says Ok only means started', () => {
  const text = bodyOf('tstartsession');
  assert.match(code(text), /if not StartSession\(\w+, Codeunit::"[^"]+"/);
  assert.match(code(text), /then\s+Error\(/);
  assert.match(text, /\/\/.*only.*STARTED/i);
  assert.match(text, /Session Event/);
});

test('tstartsessiontimeout uses the runtime 7.1 argument order with a Duration', () => {
  const text = code(bodyOf('tstartsessiontimeout'));
  assert.match(text, /if not StartSession\((\w+), Codeunit::"[^"]+", (\w+), CompanyName\(\), \w+\) then/);
  const timeoutVar = /StartSession\(\w+, Codeunit::"[^"]+", (\w+),/.exec(text)?.[1];
  assert.match(text, new RegExp(`${timeoutVar} := \\d+ \\* 60 \\* 1000;`));
});

test('tpagebackgroundtask is the full pattern', () => {
  const text = code(bodyOf('tpagebackgroundtask'));
  const enqueueTrigger = /trigger OnAfterGetCurrRecord\(\)[\s\S]*?\nend;/.exec(text)?.[0] ?? '';
  assert.ok(enqueueTrigger, 'enqueues from OnAfterGetCurrRecord');
  const cancelAt = enqueueTrigger.indexOf('CurrPage.CancelBackgroundTask(');
  const enqueueAt = enqueueTrigger.indexOf('CurrPage.EnqueueBackgroundTask(');
  assert.ok(cancelAt >= 0 && enqueueAt > cancelAt, 'cancels the previous task before re-enqueueing');
  assert.match(text, /^var\s+(\w+): Integer;/m, 'a global TaskId');
  const taskVar = /^var\s+(\w+): Integer;/m.exec(text)![1];
  assert.match(enqueueTrigger, new RegExp(`EnqueueBackgroundTask\\(${taskVar},`));
  assert.match(text, new RegExp(`trigger OnPageBackgroundTaskCompleted\\(TaskId: Integer; Results: Dictionary of \\[Text, Text\\]\\)\\s+begin\\s+if TaskId <> ${taskVar} then\\s+exit;`));
  assert.match(text, /trigger OnPageBackgroundTaskError\(TaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean\)/);
  assert.match(text, /IsHandled := true;/);
  assert.doesNotMatch(text, /OnOpenPage|OnAfterGetRecord\(/, 'never enqueues from OnOpenPage/OnAfterGetRecord');
  assert.doesNotMatch(text.slice(text.indexOf('OnPageBackgroundTaskCompleted')), /EnqueueBackgroundTask/, 'no re-enqueue from the completion/error triggers');
});

test('tbackgroundcodeunit reads parameters, returns results and writes nothing', () => {
  const text = code(bodyOf('tbackgroundcodeunit'));
  assert.match(text, /Page\.GetBackgroundParameters\(\)/);
  assert.match(text, /Page\.SetBackgroundTaskResult\(\w+\)/);
  assert.doesNotMatch(text, /\.(Insert|Modify|ModifyAll|Delete|DeleteAll|Rename|LockTable)\(|\bCommit\(/i);
  assert.doesNotMatch(text, /\b(Confirm|StrMenu|Message)\(/);
});

test('tcreatetask, tguiallowed and tguiconfirm', () => {
  assert.match(code(bodyOf('tcreatetask')), /TaskScheduler\.CreateTask\(Codeunit::"[^"]+", Codeunit::"[^"]+", true, CompanyName\(\), CurrentDateTime\(\)/);
  assert.match(code(bodyOf('tguiallowed')), /^if GuiAllowed\(\) then\n\t\S/m);
  assert.match(code(bodyOf('tguiconfirm')), /if GuiAllowed\(\) then\n\tif not Confirm\(/);
  assert.match(code(bodyOf('tsessioncodeunit')), /if GuiAllowed\(\) then\n\t+Message\(/);
});

/** How an expanded snippet is parsed: as a whole file, as members of a page extension, or as statements. */
function asCompilationUnit(text: string): { kind: string; source: string } {
  const firstCode = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('//'))?.trim() ?? '';
  if (/^(codeunit|page|pageextension|table|report|enum|interface)\b/i.test(firstCode)) return { kind: 'object', source: text };
  if (/^(var|trigger|procedure|local|internal|protected)\b/i.test(firstCode)) {
    return { kind: 'members', source: `pageextension 50100 "Snippet Host" extends "Customer Card"\n{\n${text}\n}\n` };
  }
  return {
    kind: 'statements',
    source: `codeunit 50100 "Snippet Host"\n{\n    procedure Host()\n    begin\n${text}\n    end;\n}\n`,
  };
}

test('every expanded snippet parses with zero syntax errors (fragments wrapped in a minimal object)', () => {
  const kinds = new Set<string>();
  for (const [name, s] of Object.entries(snippets)) {
    const { kind, source } = asCompilationUnit(expandSnippet(s.body).text);
    kinds.add(kind);
    const { errors, lineMap } = parseFile(source);
    const described = errors.map((e) => {
      const at = lineMap.position(e.start);
      return `${at.line + 1}:${at.character + 1} ${e.message} near ${JSON.stringify(source.slice(e.start, e.end + 10))}`;
    });
    assert.deepEqual(described, [], `${name} (${kind}) has syntax errors:\n${source}`);
  }
  assert.deepEqual([...kinds].sort(), ['members', 'object', 'statements']);
});

test('the parse check can fail: a broken snippet body is reported', () => {
  const broken = asCompilationUnit(expandSnippet(['if GuiAllowed() then', '\tMessage(${1:x};']).text);
  assert.ok(parseFile(broken.source).errors.length > 0);
});

test('docs/snippets.md lists every prefix', () => {
  const doc = readFileSync(join(root, 'docs', 'snippets.md'), 'utf8');
  for (const s of Object.values(snippets)) assert.ok(doc.includes(`| \`${s.prefix}\` |`), `docs/snippets.md misses ${s.prefix}`);
});
