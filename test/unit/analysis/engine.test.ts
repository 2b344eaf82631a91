// The lint engine: a rule that throws is isolated (the others still report); severities and pragma regions apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyConfig } from '../../../src/analysis/config/lintConfig';
import { lintWorkspace } from '../../../src/analysis/lint';
import { BG0002 } from '../../../src/analysis/rules/BG0002';
import type { Rule } from '../../../src/analysis/rules/types';
import { workspaceOf } from '../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './rules/fixtures';

const listPage = (pragma: string) =>
  page(`    trigger OnAfterGetRecord()
    begin
${pragma}        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

${completed}`, 'List');

test('a throwing rule is reported as a failure and the other rules still run', () => {
  const ws = workspaceOf({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': listPage('') });
  const broken: Rule = { meta: { id: 'BG9999', title: 'broken', defaultSeverity: 'warning', scope: 'workspace' }, check: () => { throw new Error('boom'); } };
  const r = lintWorkspace(ws, emptyConfig(), { rules: [broken, BG0002] });
  assert.deepEqual(r.failures.map((f) => f.ruleId), ['BG9999']);
  assert.match(r.failures[0].error, /boom/);
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['BG0002']);
});

test('#pragma warning disable in the file (from the parser trivia) hides the finding; restore ends the region', () => {
  const hidden = workspaceOf({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': listPage('#pragma warning disable BG0002\n') });
  assert.deepEqual(lintWorkspace(hidden, emptyConfig(), { rules: [BG0002] }).findings, []);
  const restored = workspaceOf({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': listPage('#pragma warning disable BG0002\n#pragma warning restore BG0002\n') });
  assert.equal(lintWorkspace(restored, emptyConfig(), { rules: [BG0002] }).findings.length, 1);
  const other = workspaceOf({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': listPage('#pragma warning disable BG0001\n') });
  assert.equal(lintWorkspace(other, emptyConfig(), { rules: [BG0002] }).findings.length, 1);
});

test('configuration: a ruleset action and a setting override change the severity; none turns the rule off', () => {
  const ws = workspaceOf({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': listPage('') });
  const config = emptyConfig();
  config.ruleSet = { path: 'x', rules: new Map([['BG0002', 'error']]) };
  assert.equal(lintWorkspace(ws, config, { rules: [BG0002] }).findings[0].severity, 'error');
  config.overrides.set('BG0002', 'none');
  assert.deepEqual(lintWorkspace(ws, config, { rules: [BG0002] }).findings, []);
});
