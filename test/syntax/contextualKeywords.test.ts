// Contextual keywords as names: every AL word that is a keyword somewhere (object types, sections, modifiers, type
// names, the scanner's non-reserved keywords) must parse as a name in every position AL accepts a name, and the
// analysis model must see that name. The reserved words (begin, if, var, ...) are checked to stay keywords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../src/syntax/index';
import { keywordList } from '../../src/syntax/keywords';
import { isNameToken } from '../../src/syntax/parser';
import { buildFileModel } from '../../src/analysis/model/fromTree';

/** AL's reserved words: never names (C/AL's keywords and operators, plus AL's declaration and expression keywords). */
const reserved = new Set([
  'begin', 'end', 'if', 'then', 'else', 'case', 'of', 'while', 'do', 'repeat', 'until', 'for', 'foreach', 'to', 'downto',
  'with', 'exit', 'asserterror', 'and', 'or', 'xor', 'not', 'div', 'mod', 'in', 'true', 'false', 'var', 'procedure',
  'trigger', 'this',
]);

/**
 * AL's contextual keywords: the scanner's keywords that are not reserved (object types, `array`, `local`, `internal`,
 * `protected`, `event`, `temporary`, `break`, `continue`, `is`, `as`, `namespace`, `using`, ...) and the words only
 * the grammar's position makes keywords (sections, controls, layout changes, type names, property-like words).
 */
const contextual = [
  ...keywordList.map(([w]) => w).filter((w) => !reserved.has(w)),
  'fields', 'keys', 'fieldgroups', 'fieldgroup', 'layout', 'actions', 'area', 'group', 'field', 'key', 'value', 'part',
  'systempart', 'usercontrol', 'action', 'separator', 'repeater', 'cuegroup', 'fixed', 'grid', 'dataset', 'dataitem',
  'column', 'requestpage', 'labels', 'elements', 'views', 'view', 'rendering', 'schema', 'textelement', 'fieldelement',
  'tableelement', 'fieldattribute', 'textattribute', 'tableattribute', 'addfirst', 'addlast', 'addafter', 'addbefore',
  'modify', 'moveafter', 'movebefore', 'movefirst', 'movelast', 'filter', 'const', 'where', 'order', 'sorting',
  'upperlimit', 'record', 'label', 'option', 'textconst', 'dictionary', 'list', 'text', 'code', 'integer', 'boolean',
  'date', 'time', 'guid', 'variant', 'notification', 'filters', 'permissions', 'properties', 'customaction',
  'fileuploadaction', 'promoted', 'default', 'caption', 'assembly', 'type',
];

/** Each name position, as a file with the name `n` in it (used as well as declared where AL allows both). */
const positions: Record<string, (n: string) => string> = {
  'global variable': (n) => `codeunit 50100 C\n{\n    var\n        ${n}: Integer;\n}\n`,
  'local variable': (n) => `codeunit 50100 C\n{\n    procedure P()\n    var\n        ${n}: Integer;\n    begin\n        ${n} := 1;\n    end;\n}\n`,
  parameter: (n) => `codeunit 50100 C\n{\n    procedure P(${n}: Integer)\n    begin\n        P(${n});\n    end;\n}\n`,
  'var parameter': (n) => `codeunit 50100 C\n{\n    procedure P(var ${n}: Integer; X: Integer)\n    begin\n    end;\n}\n`,
  'return value': (n) => `codeunit 50100 C\n{\n    procedure P() ${n}: JsonArray\n    begin\n        exit(${n});\n    end;\n}\n`,
  'procedure name': (n) => `codeunit 50100 C\n{\n    procedure ${n}()\n    begin\n    end;\n\n    procedure Q()\n    begin\n        ${n}();\n    end;\n}\n`,
  label: (n) => `codeunit 50100 C\n{\n    var\n        ${n}: Label 'x', Comment = 'y';\n}\n`,
  'field and key': (n) => `table 50100 T\n{\n    fields\n    {\n        field(1; ${n}; Integer) { }\n    }\n    keys\n    {\n        key(${n}; ${n}) { }\n    }\n    fieldgroups\n    {\n        fieldgroup(${n}; ${n}) { }\n    }\n}\n`,
  'member and argument': (n) => `codeunit 50100 C\n{\n    procedure P(R: Record T)\n    begin\n        R.${n} := 1;\n        R.Validate(${n});\n    end;\n}\n`,
  'enum value': (n) => `enum 50100 E\n{\n    value(0; ${n}) { }\n}\n`,
  'object name': (n) => `codeunit 50100 ${n}\n{\n}\n`,
  'page controls and actions': (n) =>
    `page 50100 P\n{\n    layout\n    {\n        area(Content)\n        {\n            group(${n})\n            {\n                field(${n}; Rec.${n}) { }\n            }\n        }\n    }\n    actions\n    {\n        area(Processing)\n        {\n            action(${n})\n            {\n                trigger OnAction()\n                begin\n                end;\n            }\n        }\n    }\n}\n`,
  'report data items and columns': (n) => `report 50100 R\n{\n    dataset\n    {\n        dataitem(${n}; ${n})\n        {\n            column(${n}; ${n}) { }\n        }\n    }\n}\n`,
  'variable in expressions': (n) =>
    `codeunit 50100 C\n{\n    procedure P()\n    var\n        ${n}: JsonArray;\n        I: Integer;\n    begin\n        I := ${n}.Count() + 1;\n        ${n}.Add(I);\n        if ${n}.Count = 0 then\n            exit;\n        Q(${n}, ${n});\n    end;\n\n    procedure Q(A: JsonArray; B: JsonArray)\n    begin\n    end;\n}\n`,
};

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

test('every contextual keyword parses as a name in every name position', () => {
  assert.ok(contextual.includes('array'), 'Array names return values in real code (procedure X() Array: JsonArray)');
  const failures: string[] = [];
  for (const w of contextual) {
    for (const [pos, gen] of Object.entries(positions)) {
      for (const spelling of [w, cap(w)]) {
        const r = parseFile(gen(spelling));
        if (r.errors.length) failures.push(`${spelling} as ${pos}: ${r.errors[0].message}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('the analysis model sees contextual keywords as the names they are', () => {
  for (const w of contextual) {
    const n = cap(w);
    const ret = buildFileModel('C.al', positions['return value'](n)).objects[0].procedures[0];
    assert.equal(ret.returnName, n, `return value named ${n}`);
    assert.equal(ret.returnType?.name, 'jsonarray');
    const param = buildFileModel('C.al', positions.parameter(n)).objects[0].procedures[0];
    assert.deepEqual(param.params.map((p) => p.name), [n], `parameter named ${n}`);
    const glob = buildFileModel('C.al', positions['global variable'](n)).objects[0];
    assert.deepEqual(glob.globals.map((g) => g.name), [n], `global named ${n}`);
    const loc = buildFileModel('C.al', positions['local variable'](n)).objects[0].procedures[0];
    assert.deepEqual(loc.locals.map((l) => l.name), [n], `local named ${n}`);
  }
});

test('reserved words stay keywords: a variable cannot be named so', () => {
  for (const [w, kind] of keywordList) {
    assert.equal(isNameToken(kind), !reserved.has(w), `${w} is ${reserved.has(w) ? 'reserved' : 'contextual'}`);
  }
  for (const w of reserved) {
    const r = parseFile(positions['global variable'](cap(w)));
    assert.ok(r.errors.length > 0, `${w} as a variable name is a syntax error`);
  }
});

test('array is still the array type where a type is expected', () => {
  const m = buildFileModel('C.al', `codeunit 50100 C\n{\n    var\n        Array: array[10] of Integer;\n        Other: Array[2, 3] of Text[30];\n}\n`);
  assert.equal(m.syntaxErrors, 0);
  assert.deepEqual(m.objects[0].globals.map((g) => [g.name, g.type.name]), [['Array', 'array'], ['Other', 'array']]);
});
