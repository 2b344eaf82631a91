// Tests of language-configuration.json: the regular expressions VS Code uses for folding, indentation, Enter
// and words, applied to AL lines as VS Code applies them (JavaScript RegExp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const al = pkg.contributes.languages.find((l: any) => l.id === 'al');
const config = JSON.parse(readFileSync(join(root, al.configuration), 'utf8'));

test('brackets: begin/end and case/end match; only symbols are colorized', () => {
  assert.ok(config.brackets.some((b: string[]) => b[0] === 'begin' && b[1] === 'end'));
  assert.ok(config.brackets.some((b: string[]) => b[0] === 'case' && b[1] === 'end'), 'a case statement closes with end');
  for (const pair of config.colorizedBracketPairs) assert.match(pair[0], /^[{[(]$/);
});

test('folding markers are #region/#endregion only, so "end else begin" cannot break nesting', () => {
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);
  assert.ok(start.test('#region Background helpers'));
  assert.ok(start.test('    #region'));
  assert.ok(end.test('    #endregion'));
  assert.ok(!start.test('#endregion'));
  for (const line of ['end else begin', '    if x then begin', '    end;', "    Message('#region');"]) {
    assert.ok(!start.test(line) && !end.test(line), line);
  }
});

test('indentation: increase after begin, {, case..of, repeat and var sections', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  for (const line of ['begin', '    if Ok then begin', '    end else begin', '{', '    case Status of', '    repeat',
    '    var', '    protected var', '    if Ok then begin // start']) {
    assert.ok(increase.test(line), `should increase after: ${line}`);
  }
  for (const line of ['    // begin', "    Message('begin');", '    end;', '    Customer.FindSet();', '    Variable: Integer;',
    '    begin end;']) {
    assert.ok(!increase.test(line), `should not increase after: ${line}`);
  }
});

test('indentation: decrease on end, } and until; indent one line after then/else/do', () => {
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  for (const line of ['end;', '    end else begin', '}', '    until Customer.Next() = 0;']) assert.ok(decrease.test(line), line);
  assert.ok(!decrease.test('    Ending := 1;'));
  const next = new RegExp(config.indentationRules.indentNextLinePattern);
  for (const line of ['    if Ok then', '    else', '    end else', '    while Ok do', '    if Ok then // why']) {
    assert.ok(next.test(line), `should indent the next line after: ${line}`);
  }
  for (const line of ['    if Ok then begin', '    // then', '    x := Ok;']) {
    assert.ok(!next.test(line), `should not indent the next line after: ${line}`);
  }
});

test('Enter inside a /// documentation comment continues it', () => {
  const rule = config.onEnterRules.find((r: any) => r.action.appendText === '/// ');
  assert.ok(rule);
  const before = new RegExp(rule.beforeText);
  assert.ok(before.test('    /// <summary>Starts the job.'));
  assert.ok(!before.test('    // a plain comment'));
  assert.ok(!before.test('    //// four slashes'));
});

test('quoted identifiers are one word', () => {
  const words = 'Run(Codeunit::"Job Runner", Rec."No.")'.match(new RegExp(config.wordPattern, 'g'));
  assert.deepEqual(words, ['Run', 'Codeunit', '"Job Runner"', 'Rec', '"No."']);
});
