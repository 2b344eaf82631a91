// Tests of syntaxes/al.tmLanguage.json: tokenizes representative AL with vscode-textmate + Oniguruma (as VS Code
// does) and asserts the scopes of specific tokens, including the mistakes a naive grammar makes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { loadAlGrammar, tokenize, type Token } from './loadGrammar';
import { crossCheck } from './crossCheck';

let grammar: IGrammar;
before(async () => {
  grammar = await loadAlGrammar();
});

/** Tokens of one line of `source` (the line containing `marker`, or the only line). */
function line(source: string, marker?: string): Token[] {
  const lines = source.split('\n');
  const index = marker === undefined ? 0 : lines.findIndex((l) => l.includes(marker));
  assert.ok(index >= 0, `no line contains ${marker}`);
  return tokenize(grammar, source)[index];
}

/** The scopes of the `nth` token whose text (trimmed) is exactly `text`. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text.trim() === text);
  assert.ok(found.length > nth, `token ${JSON.stringify(text)} #${nth} not found in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[nth].scopes;
}

function expectScope(tokens: Token[], text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(tokens, text, nth);
  assert.ok(scopes.includes(scope), `${JSON.stringify(text)} should have ${scope}, has ${scopes.join(' ')}`);
}

function expectNoScopePrefix(tokens: Token[], text: string, prefix: string, nth = 0): void {
  const scopes = scopesOf(tokens, text, nth);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `${JSON.stringify(text)} should have no ${prefix}*, has ${scopes.join(' ')}`);
}

const objectKinds = [
  'table', 'tableextension', 'page', 'pageextension', 'pagecustomization', 'pageview', 'codeunit', 'report',
  'reportextension', 'xmlport', 'query', 'enum', 'enumextension', 'interface', 'permissionset',
  'permissionsetextension', 'profile', 'profileextension', 'controladdin', 'entitlement',
];

test('object headers of every object type, keywords in any case', () => {
  for (const kind of objectKinds) {
    for (const spelled of [kind, kind.toUpperCase(), kind[0].toUpperCase() + kind.slice(1)]) {
      const tokens = line(`${spelled} 50100 "My ${kind}"`);
      expectScope(tokens, spelled, 'storage.type.object.al');
      expectScope(tokens, '50100', 'constant.numeric.object-id.al');
      expectScope(tokens, `"My ${kind}"`, 'entity.name.type.al');
    }
  }
  const ext = line('PageExtension 50100 CustomerCardExt Extends "Customer Card"');
  expectScope(ext, 'PageExtension', 'storage.type.object.al');
  expectScope(ext, 'CustomerCardExt', 'entity.name.type.al');
  expectScope(ext, 'Extends', 'keyword.other.extends.al');
  expectScope(ext, '"Customer Card"', 'entity.other.inherited-class.al');
  const noId = line('interface "IBackground Job"');
  expectScope(noId, '"IBackground Job"', 'entity.name.type.al');
  const custom = line('pagecustomization MyCust customizes "Customer List"');
  expectScope(custom, 'customizes', 'keyword.other.extends.al');
  expectScope(custom, '"Customer List"', 'entity.other.inherited-class.al');
  const impl = line('codeunit 50101 "Job A" implements "IBackground Job", IDisposable');
  expectScope(impl, 'implements', 'keyword.other.implements.al');
  expectScope(impl, '"IBackground Job"', 'entity.other.inherited-class.al');
  expectScope(impl, 'IDisposable', 'entity.other.inherited-class.al');
  expectScope(line('dotnet'), 'dotnet', 'storage.type.object.al');
});

test('a statement that starts with an object type word is not an object header', () => {
  const tokens = line('    Page.Run(Page::"Customer Card", Customer);');
  expectNoScopePrefix(tokens, 'Page', 'storage.type.object');
  expectScope(tokens, 'Page', 'support.class.al');
  expectScope(tokens, 'Page', 'storage.type.al', 1);
  expectScope(tokens, '"Customer Card"', 'entity.name.type.al');
});

test('namespace and using', () => {
  const src = 'namespace Contoso.Background.Jobs;\nusing Microsoft.Sales.Customer;';
  const [ns, using] = tokenize(grammar, src);
  expectScope(ns, 'namespace', 'keyword.other.namespace.al');
  expectScope(ns, 'Contoso.Background.Jobs', 'entity.name.namespace.al');
  expectScope(using, 'using', 'keyword.other.namespace.al');
  expectScope(using, 'Microsoft.Sales.Customer', 'entity.name.namespace.al');
  expectScope(using, ';', 'punctuation.terminator.statement.al');
});

const procedureSource = [
  'codeunit 50100 "Job Runner"',
  '{',
  '    trigger OnRun()',
  '    begin',
  '    end;',
  '',
  '    LOCAL Procedure StartJob(var Customer: Record Customer; Timeout: Duration): Boolean',
  '    var',
  '        SessionId: Integer;',
  '        Parameters: Dictionary of [Text, Text];',
  '        Ids: List of [Integer];',
  '        Buffer: Record "Sales Header" temporary;',
  '        Amounts: array[10] of Decimal;',
  '        CustomerNo: Code[20];',
  '    BEGIN',
  '        IF NOT StartSession(SessionId, Codeunit::"Job Runner", Timeout, CompanyName(), Customer) THEN',
  '            exit(false);',
  '        Exit(True);',
  '    End;',
  '',
  '    internal procedure "Quoted Name"()',
  '    begin',
  '    end;',
  '',
  '    protected var',
  '        Counter: BigInteger;',
  '}',
].join('\n');

test('triggers and procedures: names, modifiers, parameters', () => {
  const run = line(procedureSource, 'trigger OnRun');
  expectScope(run, 'trigger', 'storage.type.function.al');
  expectScope(run, 'OnRun', 'entity.name.function.al');
  const proc = line(procedureSource, 'Procedure StartJob');
  expectScope(proc, 'LOCAL', 'storage.modifier.al');
  expectScope(proc, 'Procedure', 'storage.type.function.al');
  expectScope(proc, 'StartJob', 'entity.name.function.al');
  expectScope(proc, 'var', 'keyword.other.var.al');
  expectScope(proc, 'Customer', 'variable.parameter.al');
  expectScope(proc, 'Record', 'storage.type.al');
  expectScope(proc, 'Customer', 'entity.name.type.al', 1);
  expectScope(proc, 'Timeout', 'variable.parameter.al');
  expectScope(proc, 'Duration', 'storage.type.al');
  expectScope(proc, 'Boolean', 'storage.type.al');
  const quoted = line(procedureSource, 'internal procedure');
  expectScope(quoted, 'internal', 'storage.modifier.al');
  expectScope(quoted, '"Quoted Name"', 'entity.name.function.al');
  const prot = line(procedureSource, 'protected var');
  expectScope(prot, 'protected', 'storage.modifier.al');
  expectScope(prot, 'var', 'keyword.other.var.al');
});

test('var sections: declarations and built-in types', () => {
  expectScope(line(procedureSource, 'SessionId: Integer'), 'SessionId', 'variable.other.declaration.al');
  expectScope(line(procedureSource, 'SessionId: Integer'), 'Integer', 'storage.type.al');
  const dict = line(procedureSource, 'Dictionary of');
  expectScope(dict, 'Dictionary', 'storage.type.al');
  expectScope(dict, 'of', 'keyword.other.of.al');
  expectScope(dict, 'Text', 'storage.type.al', 1);
  const list = line(procedureSource, 'List of');
  expectScope(list, 'List', 'storage.type.al');
  expectScope(list, 'Integer', 'storage.type.al');
  const buffer = line(procedureSource, 'temporary');
  expectScope(buffer, 'Record', 'storage.type.al');
  expectScope(buffer, '"Sales Header"', 'entity.name.type.al');
  expectScope(buffer, 'temporary', 'storage.modifier.al');
  const arr = line(procedureSource, 'array[10]');
  expectScope(arr, 'array', 'storage.type.al');
  expectScope(arr, '10', 'constant.numeric.integer.al');
  expectScope(arr, 'of', 'keyword.other.of.al');
  const code = line(procedureSource, 'Code[20]');
  expectScope(code, 'Code', 'storage.type.al');
  expectScope(code, '20', 'constant.numeric.integer.al');
  expectScope(line(procedureSource, 'BigInteger'), 'BigInteger', 'storage.type.al');
});

test('keywords are case-insensitive', () => {
  const cond = line(procedureSource, 'IF NOT StartSession');
  expectScope(cond, 'IF', 'keyword.control.al');
  expectScope(cond, 'NOT', 'keyword.operator.word.al');
  expectScope(cond, 'THEN', 'keyword.control.al');
  expectScope(cond, 'StartSession', 'support.function.al');
  expectScope(cond, 'Codeunit', 'storage.type.al');
  expectScope(cond, '"Job Runner"', 'entity.name.type.al');
  expectScope(line(procedureSource, 'BEGIN'), 'BEGIN', 'keyword.control.al');
  expectScope(line(procedureSource, 'End;'), 'End', 'keyword.control.al');
  expectScope(line(procedureSource, 'Exit(True)'), 'Exit', 'keyword.control.al');
  expectScope(line(procedureSource, 'Exit(True)'), 'True', 'constant.language.boolean.al');
});

test("strings: '' escapes, no comments or keywords inside, empty strings", () => {
  const tokens = line("Msg := 'It''s // not a comment, begin end' + '' + 'x';");
  expectScope(tokens, "''", 'constant.character.escape.al');
  expectScope(tokens, "''", 'string.quoted.single.al');
  const inside = tokens.filter((t) => t.text.includes('not a comment'));
  assert.equal(inside.length, 1);
  assert.ok(inside[0].scopes.includes('string.quoted.single.al'));
  assert.ok(!tokens.some((t) => t.scopes.some((s) => s.startsWith('comment'))), 'no comment scope on the line');
  assert.ok(!tokens.some((t) => t.scopes.includes('keyword.control.al')), 'no keyword inside the string');
  // '' after '+' is an empty string, not an escape: the 'x' that follows is a string of its own.
  expectScope(tokens, 'x', 'string.quoted.single.al');
  expectScope(tokens, '+', 'keyword.operator.arithmetic.al', 1);
  const placeholder = line("Error('Session %1 failed.', SessionId);");
  expectScope(placeholder, '%1', 'constant.other.placeholder.al');
  // A string left open ends at the end of its line instead of swallowing the file.
  const [, next] = tokenize(grammar, "x := 'unterminated\nbegin");
  expectScope(next, 'begin', 'keyword.control.al');
});

test('quoted identifiers and member access', () => {
  const tokens = line('Customer."No." := Rec."Sell-to Customer No.";');
  expectScope(tokens, '"No."', 'variable.other.quoted.al');
  expectScope(tokens, '"Sell-to Customer No."', 'variable.other.quoted.al');
  expectScope(tokens, 'Rec', 'variable.language.al');
  expectScope(tokens, ':=', 'keyword.operator.assignment.al');
  const member = line('if Rec.Code = Rec.Date then Customer.FindSet();');
  expectNoScopePrefix(member, 'Code', 'storage.type');
  expectNoScopePrefix(member, 'Date', 'storage.type');
  expectScope(member, 'FindSet', 'entity.name.function.member.al');
});

test('numbers, date, time and datetime literals', () => {
  const tokens = line('D := 20240101D; T := 120000T; DT := 0DT; E := 0D; Z := 0T; N := 42; X := 3.14; B := 10L; M := 235959.999T;');
  expectScope(tokens, '20240101D', 'constant.numeric.date.al');
  expectScope(tokens, '120000T', 'constant.numeric.time.al');
  expectScope(tokens, '0DT', 'constant.numeric.datetime.al');
  expectScope(tokens, '0D', 'constant.numeric.date.al');
  expectScope(tokens, '0T', 'constant.numeric.time.al');
  expectScope(tokens, '42', 'constant.numeric.integer.al');
  expectScope(tokens, '3.14', 'constant.numeric.decimal.al');
  expectScope(tokens, '10L', 'constant.numeric.integer.al');
  expectScope(tokens, '235959.999T', 'constant.numeric.time.al');
  // An identifier ending in digits and D is not a date.
  expectNoScopePrefix(line('Field2D := 1;'), 'Field2D', 'constant');
});

test('comments: line, block across lines, and /// documentation with XML tags', () => {
  const src = [
    '/// <summary>Starts the job in a <b>background</b> session.</summary>',
    '/// <param name="Timeout">How long it may run.</param>',
    '// begin is not a keyword here',
    '/* a block',
    '   begin still comment',
    '*/ begin',
    '//// four slashes: an ordinary comment',
  ].join('\n');
  const [summary, param, lineComment, block1, block2, block3, four] = tokenize(grammar, src);
  expectScope(summary, '///', 'comment.block.documentation.al');
  expectScope(summary, 'summary', 'entity.name.tag.al');
  expectScope(summary, 'summary', 'entity.name.tag.al', 1);
  expectScope(summary, '<', 'punctuation.definition.tag.begin.al');
  expectScope(summary, 'Starts the job in a', 'comment.block.documentation.al');
  expectScope(param, 'name', 'entity.other.attribute-name.al');
  expectScope(param, '"Timeout"', 'string.quoted.double.al');
  expectScope(lineComment, 'begin is not a keyword here', 'comment.line.double-slash.al');
  expectScope(block1, '/*', 'comment.block.al');
  expectScope(block2, 'begin still comment', 'comment.block.al');
  expectScope(block3, 'begin', 'keyword.control.al');
  expectNoScopePrefix(block3, 'begin', 'comment');
  expectScope(four, '//', 'comment.line.double-slash.al');
  assert.ok(!four.some((t) => t.scopes.includes('comment.block.documentation.al')));
});

test('preprocessor lines', () => {
  const src = [
    '#if not CLEAN25',
    '#elif BC24 and not ONPREM',
    '#else',
    '#endif',
    '#define DEBUGJOBS',
    '#pragma warning disable AA0005, AA0072',
    '#pragma warning restore AA0005 // back on',
    '#region Background helpers',
    '#endregion',
    '    #if CLEAN26',
  ].join('\n');
  const t = tokenize(grammar, src);
  expectScope(t[0], 'if', 'keyword.control.directive.conditional.al');
  expectScope(t[0], 'if', 'meta.preprocessor.al');
  expectScope(t[0], '#', 'punctuation.definition.directive.al');
  expectScope(t[0], 'not', 'keyword.operator.logical.al');
  expectScope(t[0], 'CLEAN25', 'entity.name.variable.preprocessor.symbol.al');
  expectScope(t[1], 'elif', 'keyword.control.directive.conditional.al');
  expectScope(t[1], 'and', 'keyword.operator.logical.al');
  expectScope(t[2], 'else', 'meta.preprocessor.al');
  expectScope(t[3], 'endif', 'meta.preprocessor.al');
  expectScope(t[4], 'define', 'keyword.control.directive.define.al');
  expectScope(t[4], 'DEBUGJOBS', 'entity.name.variable.preprocessor.symbol.al');
  expectScope(t[5], 'pragma', 'keyword.control.directive.pragma.al');
  expectScope(t[5], 'warning', 'keyword.other.pragma.al');
  expectScope(t[5], 'disable', 'keyword.other.pragma.al');
  expectScope(t[5], 'AA0005', 'constant.other.warning-code.al');
  expectScope(t[5], 'AA0072', 'constant.other.warning-code.al');
  expectScope(t[6], 'back on', 'comment.line.double-slash.al');
  expectScope(t[7], 'region', 'keyword.control.directive.region.al');
  expectScope(t[7], 'Background helpers', 'entity.name.section.region.al');
  expectScope(t[8], 'endregion', 'meta.preprocessor.region.al');
  expectScope(t[9], 'if', 'keyword.control.directive.conditional.al');
});

test('attributes', () => {
  const sub = line("[EventSubscriber(ObjectType::Codeunit, Codeunit::\"Sales-Post\", 'OnAfterPostSalesDoc', '', false, false)]");
  expectScope(sub, '[', 'punctuation.definition.attribute.begin.al');
  expectScope(sub, 'EventSubscriber', 'entity.name.type.attribute.al');
  expectScope(sub, 'EventSubscriber', 'meta.attribute.al');
  expectScope(sub, 'Codeunit', 'variable.other.enummember.al');
  expectScope(sub, '"Sales-Post"', 'entity.name.type.al');
  expectScope(sub, 'OnAfterPostSalesDoc', 'string.quoted.single.al');
  expectScope(sub, 'false', 'constant.language.boolean.al');
  expectScope(sub, ']', 'punctuation.definition.attribute.end.al');
  expectScope(line('    [TryFunction]'), 'TryFunction', 'entity.name.type.attribute.al');
  expectScope(line('    [NonDebuggable]'), 'NonDebuggable', 'entity.name.type.attribute.al');
  // A set literal continuing an expression on its own line is not an attribute.
  expectNoScopePrefix(line('        [1, 2, 3]'), '1', 'entity.name.type.attribute');
});

test('operators', () => {
  const tokens = line('X += 1; Y := A div B mod C; if (A <> B) and (C in [1..5]) or not D xor E then Status := Status::Open;');
  expectScope(tokens, '+=', 'keyword.operator.assignment.al');
  expectScope(tokens, ':=', 'keyword.operator.assignment.al');
  expectScope(tokens, 'div', 'keyword.operator.word.al');
  expectScope(tokens, 'mod', 'keyword.operator.word.al');
  expectScope(tokens, '<>', 'keyword.operator.comparison.al');
  expectScope(tokens, 'and', 'keyword.operator.word.al');
  expectScope(tokens, 'in', 'keyword.operator.word.al');
  expectScope(tokens, '..', 'keyword.operator.range.al');
  expectScope(tokens, 'or', 'keyword.operator.word.al');
  expectScope(tokens, 'not', 'keyword.operator.word.al');
  expectScope(tokens, 'xor', 'keyword.operator.word.al');
  expectScope(tokens, '::', 'keyword.operator.scope.al');
  expectScope(tokens, 'Open', 'variable.other.enummember.al');
});

test('object references: Codeunit::"Name", Database::X, Enum::"X"::Value', () => {
  const tokens = line('Run(Codeunit::"Job Runner"); Get(Database::Customer); S := Enum::"Job Status"::"In Progress"; L := PageBackgroundTaskErrorLevel::Warning;');
  expectScope(tokens, 'Codeunit', 'storage.type.al');
  expectScope(tokens, '"Job Runner"', 'entity.name.type.al');
  expectScope(tokens, 'Database', 'storage.type.al');
  expectScope(tokens, 'Customer', 'entity.name.type.al');
  expectScope(tokens, 'Enum', 'storage.type.al');
  expectScope(tokens, '"Job Status"', 'entity.name.type.al');
  expectScope(tokens, '"In Progress"', 'variable.other.enummember.al');
  expectScope(tokens, 'PageBackgroundTaskErrorLevel', 'storage.type.al');
  expectScope(tokens, 'Warning', 'variable.other.enummember.al');
});

test('session and background-task system methods are support functions', () => {
  const src = [
    'Session.StartSession(SessionId, Codeunit::"Job Runner");',
    'CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Job Runner", Parameters, 10000, PageBackgroundTaskErrorLevel::Warning);',
    'CurrPage.CancelBackgroundTask(TaskId);',
    'Params := Page.GetBackgroundParameters(); Page.SetBackgroundTaskResult(Results);',
    'TaskId := TaskScheduler.CreateTask(Codeunit::"Job Runner", 0, true, CompanyName(), CurrentDateTime());',
    'if GuiAllowed() then Message(Text); if IsSessionActive(SessionId) then StopSession(SessionId);',
  ].join('\n');
  const t = tokenize(grammar, src);
  expectScope(t[0], 'Session', 'support.class.al');
  expectScope(t[0], 'StartSession', 'support.function.al');
  expectScope(t[1], 'CurrPage', 'variable.language.al');
  expectScope(t[1], 'EnqueueBackgroundTask', 'support.function.al');
  expectScope(t[2], 'CancelBackgroundTask', 'support.function.al');
  expectScope(t[3], 'GetBackgroundParameters', 'support.function.al');
  expectScope(t[3], 'SetBackgroundTaskResult', 'support.function.al');
  expectScope(t[4], 'TaskScheduler', 'support.class.al');
  expectScope(t[4], 'CreateTask', 'support.function.al');
  expectScope(t[4], 'CurrentDateTime', 'support.function.al');
  expectScope(t[5], 'GuiAllowed', 'support.function.al');
  expectScope(t[5], 'Message', 'support.function.al');
  expectScope(t[5], 'IsSessionActive', 'support.function.al');
  expectScope(t[5], 'StopSession', 'support.function.al');
  // A variable named like a system method is not a call.
  expectNoScopePrefix(line('    Message: Text;'), 'Message', 'support.function');
});

test('object bodies: section keywords and properties', () => {
  const src = [
    'page 50100 "Job Card"',
    '{',
    '    PageType = Card;',
    '    layout',
    '    {',
    '        area(Content)',
    '        {',
    '            field("No."; Rec."No.")',
    '            {',
    "                ToolTip = 'Specifies the job.';",
    '            }',
    '        }',
    '    }',
    '}',
  ].join('\n');
  const t = tokenize(grammar, src);
  expectScope(t[2], 'PageType', 'variable.other.property.al');
  expectScope(t[3], 'layout', 'keyword.other.section.al');
  expectScope(t[5], 'area', 'keyword.other.section.al');
  expectScope(t[7], 'field', 'keyword.other.section.al');
  expectScope(t[7], '"No."', 'variable.other.quoted.al');
  expectScope(t[9], 'Specifies the job.', 'string.quoted.single.al');
});

test('table relations, calc formulas, label properties, permission sets and plain calls', () => {
  const rel = line('            TableRelation = "Sales Header"."No." where("Document Type" = const(Order), "Sell-to Customer No." = field("No."));');
  expectScope(rel, 'TableRelation', 'variable.other.property.al');
  expectScope(rel, 'where', 'keyword.other.formula.al');
  expectScope(rel, 'const', 'keyword.other.formula.al');
  expectScope(rel, 'field', 'keyword.other.formula.al');
  const lbl = line("        StartedMsg: Label 'Session %1 started.', Comment = '%1 = session id', Locked = true, MaxLength = 80;");
  expectScope(lbl, 'StartedMsg', 'variable.other.declaration.al');
  expectScope(lbl, 'Label', 'storage.type.al');
  expectScope(lbl, 'Comment', 'variable.other.property.al');
  expectScope(lbl, 'Locked', 'variable.other.property.al');
  expectScope(lbl, 'MaxLength', 'variable.other.property.al');
  const perm = line('        tabledata "Session Event" = R,');
  expectScope(perm, 'tabledata', 'storage.type.al');
  expectScope(perm, '"Session Event"', 'entity.name.type.al');
  const call = line('        RunJob(Customer); Customer.Validate(Name);');
  expectScope(call, 'RunJob', 'entity.name.function.call.al');
  expectScope(call, 'Validate', 'entity.name.function.member.al');
  // A variable may be called Event: only "event Name(" in a control add-in declares an event.
  expectNoScopePrefix(line('        Event.Get();'), 'Event', 'storage.type.function');
  expectScope(line('    event OnControlReady(Data: Text);'), 'OnControlReady', 'entity.name.function.al');
});

test('words that are keywords only in some places', () => {
  const src = [
    '    foreach Id in Ids do begin',
    '        if Id = 0 then',
    '            continue;',
    '        Continue := false;',
    '    end;',
    '    case Ok of',
    '        true:',
    '            exit;',
    '    end;',
    '    value(3; MOD) { }',
    '            TableRelation = AllObj."Object ID" where("Object Type" = const(Table), Enabled = const(true));',
    '        table * = X,',
    '    # endregion Spaced directive',
    '        iS := iS + 1; if Provider is "IJob" then Job := Provider as "IJob";',
    '        case Page of',
    '            TableRelation = AllObj."Object ID" where("Object Type" = FILTER(Table));',
  ].join('\n');
  const t = tokenize(grammar, src);
  expectScope(t[0], 'foreach', 'keyword.control.al');
  expectScope(t[0], 'in', 'keyword.operator.word.al');
  expectScope(t[2], 'continue', 'keyword.control.al');
  expectNoScopePrefix(t[3], 'Continue', 'keyword');
  expectScope(t[6], 'true', 'constant.language.boolean.al');
  expectNoScopePrefix(t[6], 'true', 'variable.other.declaration');
  expectScope(t[9], 'MOD', 'variable.other.enummember.al');
  expectScope(t[10], 'Table', 'variable.other.enummember.al');
  expectScope(t[10], 'true', 'constant.language.boolean.al');
  expectScope(t[11], 'table', 'storage.type.al');
  expectScope(t[11], '*', 'constant.character.wildcard.al');
  expectScope(t[12], 'endregion', 'keyword.control.directive.region.al');
  expectNoScopePrefix(t[13], 'iS', 'keyword');
  expectScope(t[13], 'is', 'keyword.operator.word.al');
  expectScope(t[13], 'as', 'keyword.operator.word.al');
  expectScope(t[14], 'of', 'keyword.control.al');
  expectScope(t[15], 'FILTER', 'keyword.other.formula.al');
  expectScope(t[15], 'Table', 'variable.other.enummember.al');
});

const crossCheckSource = [
  'namespace Contoso.Jobs;',
  '',
  'using Microsoft.Sales.Customer;',
  '',
  '/// <summary>Runs jobs.</summary>',
  '#pragma warning disable AA0005 // why',
  'codeunit 50110 "Job Host" implements "IJob"',
  '{',
  '    Permissions = tabledata Customer = R;',
  '',
  '    [TryFunction]',
  '    procedure Run(var Customer: Record Customer temporary; Ids: List of [Integer]): Boolean',
  '    var',
  "        Msg: Label 'It''s %1', Comment = '%1 = id', Locked = true;",
  '        When: DateTime;',
  '        I: Integer;',
  '    begin',
  '        /* block',
  '           comment */',
  '        When := CreateDateTime(20240101D, 120000T);',
  '        if (When = 0DT) or not Customer.IsEmpty() then',
  '            exit(false);',
  '        for I := 1 to 10 do',
  '            case I mod 2 of',
  '                0:',
  '                    continue;',
  '                else',
  "                    Error(Msg, I div 2);",
  '            end;',
  '        repeat',
  '            Customer."Credit Limit (LCY)" += 1.5;',
  '        until Customer.Next() = 0;',
  '        exit(Codeunit.Run(Codeunit::"Job Host") and (Enum::"Job Status"::Done in [Enum::"Job Status"::Done]));',
  '    end;',
  '}',
].join('\n');

test('the grammar agrees with the parser on every token and comment (our AL, the example workspace)', () => {
  const sources: [string, string][] = [['crossCheckSource', crossCheckSource], ['procedureSource', procedureSource]];
  const dir = join(__dirname, '..', '..', 'examples', 'customer-card', 'src');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.al'))) sources.push([file, readFileSync(join(dir, file), 'utf8')]);
  for (const [name, text] of sources) {
    assert.deepEqual(crossCheck(grammar, text), [], name);
  }
});

test('the cross-check catches a grammar that gets a keyword or a string wrong', async () => {
  const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'al.tmLanguage.json'), 'utf8'));
  raw.repository.keywords.match = raw.repository.keywords.match.replace('begin|', '');
  raw.repository.string.patterns = [];
  const broken = await loadAlGrammar(JSON.stringify(raw));
  const categories = new Set(crossCheck(broken, crossCheckSource).map((m) => m.category));
  assert.ok(categories.has('BeginKeyword: expected keyword.control'), [...categories].join(', '));
  assert.ok(categories.has('StringLiteral: expected string.quoted'), [...categories].join(', '));
});

test('the example workspace tokenizes without leaked strings or regions left open', () => {
  const dir = join(__dirname, '..', '..', 'examples', 'customer-card', 'src');
  const files = readdirSync(dir).filter((f) => f.endsWith('.al'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const lines = tokenize(grammar, readFileSync(join(dir, file), 'utf8'));
    lines.forEach((tokens, i) => {
      const last = tokens[tokens.length - 1];
      const open = last && last.scopes.includes('string.quoted.single.al') && !last.scopes.includes('punctuation.definition.string.end.al');
      assert.ok(!open, `${file}:${i + 1} ends inside a string`);
    });
    const lastLine = lines[lines.length - 1];
    assert.ok(!lastLine.some((t) => t.scopes.length > 1 && t.scopes[1].startsWith('meta.function')), `${file} ends inside a region`);
  }
});
