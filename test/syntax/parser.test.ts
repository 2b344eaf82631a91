// Unit tests of the syntax layer: recovery, contextual keywords, preprocessor, encodings, line map, navigation
// and the typed accessors that the analysis and runtime layers use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../src/syntax/index';
import { SyntaxKind } from '../../src/syntax/index';

function parse(text: string, symbols?: string[]) {
  const r = S.parseFile(text, { preprocessorSymbols: symbols });
  assert.ok(S.isLossless(r.root, text), 'lossless');
  assert.equal(S.reconstructText(r.root, text), text);
  return r;
}

test('garbage inside one procedure leaves the later procedures parsed as procedures', () => {
  const text = `codeunit 1 X
{
    procedure A()
    begin
        if (( then ]] := ;; case of
        x := 1 +;
    end;

    procedure B()
    begin
        Message('b');
    end;

    local procedure C(): Integer
    begin
        exit(1);
    end;
}`;
  const r = parse(text);
  assert.ok(r.errors.length > 0);
  const obj = S.getObjects(r.root)[0];
  const names = S.getProcedures(obj).map((p) => S.getProcedureInfo(p).name);
  assert.deepEqual(names, ['A', 'B', 'C']);
  const b = S.getProcedureInfo(S.getProcedures(obj)[1]);
  assert.equal(S.getStatements(b.body!).length, 1);
  assert.equal(S.getProcedureInfo(S.getProcedures(obj)[2]).access, 'local');
});

test('a procedure missing its end does not swallow the next procedure', () => {
  const r = parse(`codeunit 1 X
{
    procedure A()
    begin
        if true then begin
            Message('a');
        end;

    procedure B()
    begin
    end;
}`);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].message, /expected 'end'/);
  const obj = S.getObjects(r.root)[0];
  assert.deepEqual(S.getProcedures(obj).map((p) => S.getProcedureInfo(p).name), ['A', 'B']);
});

test('keywords are contextual: fields, variables and members named like keywords', () => {
  const r = parse(`table 1 T
{
    fields
    {
        field(1; Description; Text[50]) { }
        field(2; Type; Option) { OptionMembers = A,B; }
        field(3; Page; Integer) { }
    }
    procedure P()
    var
        Page: Integer;
        Report: Record "Report";
        Continue: Boolean;
    begin
        Page := Report.Count;
        if Continue then
            Page::"Some Page";
        CurrReport.Break();
        Codeunit.Run(Codeunit::X);
    end;
}`);
  assert.deepEqual(r.errors, []);
  const obj = S.getObjects(r.root)[0];
  const fields = S.getElements(S.getSection(obj, 'fields')!, 'field').map((f) => S.getTableFieldInfo(f).name);
  assert.deepEqual(fields, ['Description', 'Type', 'Page']);
  const vars = S.getProcedureInfo(S.getProcedures(obj)[0]).variables.map((v) => v.name);
  assert.deepEqual(vars, ['Page', 'Report', 'Continue']);
});

test('object info for every header form', () => {
  const r = parse(`namespace A.B;
using C.D;
pageextension 50100 "My Ext" extends "Customer Card" { }
codeunit 50101 Impl implements I1, "I 2" { }
interface "I 2" extends I1, I3 { }
pagecustomization Cust customizes "Customer List" { }
profile P { }
dotnet { }`);
  assert.deepEqual(r.errors, []);
  assert.equal(S.getNamespace(r.root), 'A.B');
  assert.deepEqual(S.getUsings(r.root), ['C.D']);
  const infos = S.getObjects(r.root).map(S.getObjectInfo);
  assert.deepEqual(
    infos.map((i) => [i.objectType, i.id, i.name, i.extends, i.implements, i.customizes]),
    [
      ['pageextension', 50100, 'My Ext', 'Customer Card', [], undefined],
      ['codeunit', 50101, 'Impl', undefined, ['I1', 'I 2'], undefined],
      ['interface', undefined, 'I 2', 'I1', [], undefined],
      ['pagecustomization', undefined, 'Cust', undefined, [], 'Customer List'],
      ['profile', undefined, 'P', undefined, [], undefined],
      ['dotnet', undefined, '', undefined, [], undefined],
    ],
  );
  assert.deepEqual(infos[2].extendsList, ['I1', 'I3']);
});

test('procedure info: attributes, parameters, return value, variables, doc comment', () => {
  const r = parse(`codeunit 1 X
{
    /// <summary>Does it.</summary>
    /// More.
    [EventSubscriber(ObjectType::Table, Database::Customer, 'OnAfterInsertEvent', '', false, false)]
    [Scope('OnPrem')]
    internal procedure DoIt(var Cust: Record Customer temporary; Amount: Decimal) Total: Decimal
    var
        Lbl: Label 'Hello %1', Comment = '%1 = name', Locked = true;
        Opt: Option ,First,"Second One";
        Arr: array[2, 3] of Code[20];
    begin
        Total := Amount;
    end;
}`);
  assert.deepEqual(r.errors, []);
  const proc = S.getProcedures(S.getObjects(r.root)[0])[0];
  const info = S.getProcedureInfo(proc);
  assert.equal(info.name, 'DoIt');
  assert.equal(info.access, 'internal');
  assert.deepEqual(info.attributes.map((a) => [a.name, a.args.length]), [['EventSubscriber', 6], ['Scope', 1]]);
  assert.deepEqual(info.parameters.map((p) => [p.name, p.byRef, S.getDataTypeInfo(p.dataType).name]), [['Cust', true, 'record'], ['Amount', false, 'decimal']]);
  const cust = S.getDataTypeInfo(info.parameters[0].dataType);
  assert.equal(cust.subtype, 'Customer');
  assert.equal(cust.temporary, true);
  assert.equal(info.returnName, 'Total');
  assert.equal(S.getDataTypeInfo(info.returnType!).name, 'decimal');
  const [lbl, opt, arr] = info.variables.map((v) => S.getDataTypeInfo(v.dataType));
  assert.equal(lbl.labelText, 'Hello %1');
  assert.deepEqual(lbl.labelProperties.map((p) => p.name), ['Comment', 'Locked']);
  assert.deepEqual(opt.optionMembers, ['', 'First', 'Second One']);
  assert.equal(arr.name, 'array');
  assert.equal(arr.lengths.length, 2);
  assert.equal(S.getDataTypeInfo(arr.elementTypes[0]).name, 'code');
  assert.deepEqual(S.docComment(proc), ['<summary>Does it.</summary>', 'More.']);
});

test('expression precedence: and binds tighter than or, relational loosest', () => {
  const r = parse(`codeunit 1 X { trigger OnRun() begin x := a or b and c = d + e * f; end; }`);
  assert.deepEqual(r.errors, []);
  const trig = S.getTriggers(S.getObjects(r.root)[0])[0];
  const assign = S.getStatements(S.getProcedureInfo(trig).body!)[0];
  const value = S.getAssignmentParts(assign).value;
  // ((a or (b and c)) = (d + (e * f)))
  const eq = S.getBinaryParts(value);
  assert.equal(eq.operator, SyntaxKind.EqualsToken);
  const or = S.getBinaryParts(eq.left);
  assert.equal(or.operator, SyntaxKind.OrKeyword);
  assert.equal(S.getBinaryParts(or.right).operator, SyntaxKind.AndKeyword);
  const plus = S.getBinaryParts(eq.right);
  assert.equal(plus.operator, SyntaxKind.PlusToken);
  assert.equal(S.getBinaryParts(plus.right).operator, SyntaxKind.StarToken);
});

test('set literals with ranges, in, case ranges', () => {
  const r = parse(`codeunit 1 X { trigger OnRun() begin if a in [1, 3..5, ..0, 9..] then; case a of 1..2, 4: ; end; end; }`);
  assert.deepEqual(r.errors, []);
  let set: S.SyntaxNode | undefined;
  S.walk(r.root, (n) => {
    if (n.kind === SyntaxKind.SetExpression) set = n;
  });
  const els = S.getSetElements(set!);
  assert.deepEqual(els.map((e) => S.kindName(e.kind)), ['LiteralExpression', 'RangeExpression', 'RangeExpression', 'RangeExpression']);
  assert.equal(S.getRangeParts(els[2]).from, undefined);
  assert.equal(S.getRangeParts(els[3]).to, undefined);
});

test('preprocessor: symbols from options, #define, nested inactive regions, directives splitting statements', () => {
  const text = `codeunit 1 X
{
    procedure P()
    begin
#if A
        if x then begin
#if B
            y := 1;
#endif
#else
        if z then begin
#endif
        end;
    end;
}`;
  for (const symbols of [[], ['A'], ['A', 'B']]) {
    const r = parse(text, symbols);
    assert.deepEqual(r.errors, [], `symbols ${symbols.join(',')}`);
  }
  let disabled = 0;
  const r = parse(text, ['A']);
  S.forEachToken(r.root, (t) => {
    for (const tr of r.tree.leadingTrivia(t)) if (tr.kind === SyntaxKind.DisabledTextTrivia) disabled++;
  });
  assert.equal(disabled, 2);
  assert.equal(parse('#if A\n#else\n#endif').errors.length, 0);
  assert.ok(parse('#if A\ncodeunit 1 X {}').errors.some((e) => /#endif/.test(e.message)));
  assert.ok(parse('#endif\n').errors.some((e) => /without/.test(e.message)));
});

test('decode: UTF-8 with and without BOM, UTF-16 LE/BE with BOM; BOM is not part of the text', () => {
  const text = 'codeunit 1 "Æøå" {}';
  const utf8 = Buffer.from(text, 'utf8');
  assert.equal(S.decode(utf8), text);
  assert.equal(S.decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), text);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(S.decode(le), text);
  const be = Buffer.from(le);
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  assert.equal(S.decode(be), text);
  assert.equal(S.detectEncoding(be), 'utf16be');
  assert.deepEqual(parse(S.decode(le)).errors, []);
});

test('line map converts offsets and positions for \\n, \\r\\n and \\r', () => {
  const m = new S.LineMap('ab\ncd\r\nef\rg');
  assert.deepEqual(m.position(0), { line: 0, character: 0 });
  assert.deepEqual(m.position(4), { line: 1, character: 1 });
  assert.deepEqual(m.position(7), { line: 2, character: 0 });
  assert.deepEqual(m.position(10), { line: 3, character: 0 });
  assert.equal(m.offset(2, 1), 8);
  assert.equal(m.offset(9, 0), 11);
});

test('findTokenAt / findNodeAt / identifier helpers', () => {
  const text = `codeunit 1 X { trigger OnRun() begin Cust."Sales ""Q"" No." := 1; end; }`;
  const r = parse(text);
  const off = text.indexOf('"Sales');
  const tok = S.findTokenAt(r.root, off + 2)!;
  assert.equal(tok.kind, SyntaxKind.QuotedIdentifier);
  assert.equal(S.identifierText(tok), 'Sales "Q" No.');
  assert.equal(S.identifierKey(tok), 'sales "q" no.');
  const member = S.findNodeAt(r.root, off, (n) => n.kind === SyntaxKind.MemberAccessExpression)!;
  assert.equal(S.getMemberParts(member).memberName, 'Sales "Q" No.');
  assert.equal(S.findTokenAt(r.root, text.indexOf('OnRun') + 5)!.kind, SyntaxKind.OpenParenToken);
  assert.equal(S.findTokenAt(r.root, text.indexOf('begin') + 5)!.kind, SyntaxKind.BeginKeyword);
  assert.equal(S.nodeText(S.ancestorOfKind(tok, SyntaxKind.TriggerDeclaration)!).startsWith('trigger'), true);
});

test('deep nesting is bounded: no stack overflow, an error, lossless', () => {
  const depth = 5000;
  const text = `codeunit 1 X { trigger OnRun() begin x := ${'('.repeat(depth)}1${')'.repeat(depth)}; ${'begin '.repeat(depth)}${'end; '.repeat(depth)} end; }`;
  const r = parse(text);
  assert.ok(r.errors.some((e) => /nesting too deep/.test(e.message)));
  const chain = `codeunit 1 X { trigger OnRun() begin x := ${Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' + ')}; end; }`;
  const r2 = parse(chain);
  assert.deepEqual(r2.errors, []);
  assert.ok(S.tokensOf(r2.root).length > 40000);
});

test('properties, page controls and report columns through the accessors', () => {
  const r = parse(`page 1 P
{
    SourceTable = Customer;
    Caption = 'Customer', Comment = 'x';
    layout
    {
        area(Content)
        {
            group(G)
            {
                field("No."; Rec."No.") { ApplicationArea = All; }
                field(Total; Rec.Amount * 2) { }
            }
        }
    }
    actions
    {
        area(Processing)
        {
            action(Post) { trigger OnAction() begin end; }
        }
    }
}`);
  assert.deepEqual(r.errors, []);
  const obj = S.getObjects(r.root)[0];
  assert.equal(S.propertyValueName(S.getProperty(obj, 'sourcetable')!), 'Customer');
  assert.equal(S.propertyValueText(S.getProperty(obj, 'Caption')!), "'Customer', Comment = 'x'");
  const fields = S.getElementsDeep(S.getSection(obj, 'layout')!, 'field').map(S.getPageFieldInfo);
  assert.deepEqual(fields.map((f) => f.name), ['No.', 'Total']);
  assert.equal(S.kindName(fields[0].source!.kind), 'MemberAccessExpression');
  assert.equal(S.kindName(fields[1].source!.kind), 'BinaryExpression');
  const action = S.getElementsDeep(S.getSection(obj, 'actions')!, 'action')[0];
  assert.equal(S.getElementInfo(action).name, 'Post');
  assert.ok(S.getTrigger(action, 'onaction'));
});

test('property values parse as expressions on demand; standalone expressions are lossless', () => {
  const r = parse(`page 1 P { layout { area(Content) { field(X; Rec.X) { Visible = ShowX and not (Rec.Blocked = Rec.Blocked::All); Caption = 'x', Comment = 'y'; } } } }`);
  const field = S.getElementsDeep(S.getObjects(r.root)[0], 'field')[0];
  const vis = S.propertyValueExpression(S.getProperty(field, 'Visible')!);
  assert.deepEqual(vis.errors, []);
  assert.equal(S.getBinaryParts(vis.expression).operator, SyntaxKind.AndKeyword);
  assert.equal(r.tree.text.slice(vis.offset, vis.offset + 5), 'ShowX');
  const cap = S.propertyValueExpression(S.getProperty(field, 'Caption')!);
  assert.ok(cap.errors.length > 0);
  assert.ok(S.isLossless(cap.tree.root, cap.tree.text));
  const e = S.parseExpressionText('a +');
  assert.equal(e.errors.length, 1);
  assert.equal(S.nodeText(e.expression), 'a +');
});

test('structured property values: links, table views, CalcFormula, TableRelation, lists', () => {
  const r = parse(`table 1 T
{
    fields
    {
        field(1; Amount; Decimal)
        {
            CalcFormula = sum("Cust. Ledger Entry".Amount where("Customer No." = field("No."), "Posting Date" = field(upperlimit("Date Filter")), Open = const(true)));
        }
        field(2; "Account No."; Code[20])
        {
            TableRelation = if ("Account Type" = const("G/L Account")) "G/L Account"."No." where(Blocked = const(false)) else if ("Account Type" = const(Customer)) Customer else Vendor;
        }
        field(3; Status; Option) { OptionMembers = " ",Open,"In Progress"; }
        field(4; Cnt; Integer) { CalcFormula = count("Sales Line" where("Document No." = field("No."), Type = filter(<> ' '))); }
        field(5; Neg; Decimal) { CalcFormula = -sum("Sales Line".Amount); }
    }
}
page 2 P
{
    SourceTableView = sorting("Document Type", "No.") order(descending) where("Document Type" = const(Order));
    layout { area(Content) { part(Lines; "Sales Lines") { SubPageLink = "Document No." = field("No."), "Document Type" = field("Document Type"); } } }
}`);
  assert.deepEqual(r.errors, []);
  const [table, page] = S.getObjects(r.root);
  const fields = S.getElements(S.getSection(table, 'fields')!, 'field');
  const cf = S.getCalcFormula(S.getProperty(fields[0], 'CalcFormula')!)!;
  assert.equal(cf.method, 'sum');
  assert.equal(cf.table, 'Cust. Ledger Entry');
  assert.equal(cf.field, 'Amount');
  assert.deepEqual(cf.where.map((w) => [w.field, w.kind, w.value, w.modifier]), [
    ['Customer No.', 'field', 'No.', undefined],
    ['Posting Date', 'field', 'Date Filter', 'upperlimit'],
    ['Open', 'const', 'true', undefined],
  ]);
  const tr = S.getTableRelation(S.getProperty(fields[1], 'TableRelation')!);
  assert.deepEqual(tr.map((t) => [t.condition.map((c) => c.value), t.table, t.field, t.where.length]), [
    [['G/L Account'], 'G/L Account', 'No.', 1],
    [['Customer'], 'Customer', undefined, 0],
    [[], 'Vendor', undefined, 0],
  ]);
  assert.deepEqual(S.getPropertyList(S.getProperty(fields[2], 'OptionMembers')!), [' ', 'Open', 'In Progress']);
  const cnt = S.getCalcFormula(S.getProperty(fields[3], 'CalcFormula')!)!;
  assert.deepEqual([cnt.method, cnt.table, cnt.field, cnt.where[1].kind, cnt.where[1].text], ['count', 'Sales Line', undefined, 'filter', "<> ' '"]);
  const neg = S.getCalcFormula(S.getProperty(fields[4], 'CalcFormula')!)!;
  assert.deepEqual([neg.negate, neg.method, neg.table, neg.field, cf.negate], [true, 'sum', 'Sales Line', 'Amount', false]);
  const view = S.getTableView(S.getProperty(page, 'SourceTableView')!);
  assert.deepEqual(view.sorting, ['Document Type', 'No.']);
  assert.equal(view.order, 'descending');
  assert.deepEqual(view.where.map((w) => [w.field, w.kind, w.value]), [['Document Type', 'const', 'Order']]);
  const part = S.getElementsDeep(page, 'part')[0];
  assert.deepEqual(S.getPropertyLinks(S.getProperty(part, 'SubPageLink')!).map((l) => [l.field, l.kind, l.value]), [
    ['Document No.', 'field', 'No.'],
    ['Document Type', 'field', 'Document Type'],
  ]);
});
