// The snippets teach the patterns our own rules check: assembled into small workspaces, the expanded snippets
// must draw no BG diagnostic at all (hidden ones included), while a snippet with its guard removed does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../helpers/ruleHarness';
import { expandSnippet } from './snippetExpand';

const snippets: Record<string, { prefix: string; body: string[] }> = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'snippets', 'al-session-lab.code-snippets'), 'utf8'),
);

function expanded(prefix: string): string {
  const s = Object.values(snippets).find((x) => x.prefix === prefix);
  assert.ok(s, prefix);
  return expandSnippet(s.body).text;
}

const indent = (text: string, by: string): string => text.split('\n').map((l) => (l ? by + l.replace(/\t/g, '    ') : l)).join('\n');

const customerTable = `table 18 Customer
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Name; Text[100]) { }
    }
}
`;

const customerCard = `page 21 "Customer Card"
{
    PageType = Card;
    SourceTable = Customer;
}
`;

const plainCodeunit = (id: number, name: string) => `codeunit ${id} "${name}"
{
    trigger OnRun()
    begin
    end;
}
`;

function pageTaskWorkspace(): Record<string, string> {
  return {
    'Customer.Table.al': customerTable,
    'CustomerCard.Page.al': customerCard,
    'CustomerCardExt.PageExt.al': `pageextension 50100 "Customer Card Stats" extends "Customer Card"\n{\n${indent(expanded('tpagebackgroundtask'), '    ')}\n}\n`,
    'BackgroundCodeunit.Codeunit.al': expanded('tbackgroundcodeunit'),
  };
}

function sessionWorkspace(sessionCodeunit: string): Record<string, string> {
  const statements = ['tstartsession', 'tstartsessiontimeout', 'tsessionevent', 'tstopsession', 'tcreatetask', 'tguiallowed', 'tguiconfirm'];
  const procedures = statements.map((p, i) => `    procedure Use${i}()
    var
        SessionId: Integer;
        Timeout: Duration;
        SessionEvent: Record "Session Event";
        LastErrorText: Text;
        TaskId: Guid;
    begin
${indent(expanded(p), '        ')}
    end;
`).join('\n');
  return {
    'Customer.Table.al': customerTable,
    'SessionCodeunit.Codeunit.al': sessionCodeunit,
    'TaskCodeunit.Codeunit.al': plainCodeunit(50110, 'Task Codeunit'),
    'TaskFailureCodeunit.Codeunit.al': plainCodeunit(50111, 'Task Failure Codeunit'),
    'Starter.Codeunit.al': `codeunit 50120 "Starter"\n{\n    TableNo = Customer;\n\n${procedures}}\n`,
  };
}

const describe = (findings: { ruleId: string; file: string; message: string }[]) => findings.map((f) => `${f.ruleId} ${f.file}: ${f.message}`);

test('the page background task snippets together draw no BG diagnostic', () => {
  const { findings } = lintFiles(pageTaskWorkspace());
  assert.deepEqual(describe(findings), []);
});

test('the StartSession, TaskScheduler and GuiAllowed snippets draw no BG diagnostic', () => {
  const { findings } = lintFiles(sessionWorkspace(expanded('tsessioncodeunit')));
  assert.deepEqual(describe(findings), []);
});

test('control: the session codeunit without its GuiAllowed guard is reported', () => {
  const unguarded = expanded('tsessioncodeunit').replace(/if GuiAllowed\(\) then\n\s*/, '');
  assert.notEqual(unguarded, expanded('tsessioncodeunit'));
  const { findings } = lintFiles(sessionWorkspace(unguarded));
  assert.ok(findings.some((f) => f.ruleId === 'BG0007'), describe(findings).join('\n') || 'no findings');
});

test('control: the page background task enqueued from OnOpenPage instead is reported', () => {
  const files = pageTaskWorkspace();
  const ext = files['CustomerCardExt.PageExt.al'];
  files['CustomerCardExt.PageExt.al'] = ext.replace('trigger OnAfterGetCurrRecord()', 'trigger OnOpenPage()');
  assert.notEqual(files['CustomerCardExt.PageExt.al'], ext);
  const { findings } = lintFiles(files);
  assert.ok(findings.some((f) => f.ruleId === 'BG0001'), describe(findings).join('\n') || 'no findings');
});
