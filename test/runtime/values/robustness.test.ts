// Robustness: random and hostile input to the parsers (filters, date formulas, Evaluate, Decimal parse)
// only ever yields a value or an AlRuntimeError, never another exception or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlRuntimeError, type FieldDef } from '../../../src/runtime/contracts';
import { compileFieldFilter, parseFilter } from '../../../src/runtime/store/filters';
import { calcDate } from '../../../src/runtime/values/dateFormula';
import { evaluateText } from '../../../src/runtime/values/evaluate';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { dmy2Date } from '../../../src/runtime/values/datetime';
import { formatValue } from '../../../src/runtime/values/format';
import { incStr, strSubstNo } from '../../../src/runtime/values/text';

/** Deterministic PRNG (mulberry32) so failures replay. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const alphabet = "0123456789abcXYZ .,:;-+*?@&|()<>='\"/DWMQYCT%#\u00e9\u0000";
function randomText(r: () => number, max = 16): string {
  const n = Math.floor(r() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

function onlyAlErrors(fn: () => unknown, input: string): void {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AlRuntimeError, `input ${JSON.stringify(input)} threw ${(e as Error)?.stack ?? String(e)}`);
  }
}

const fields: FieldDef[] = (['Integer', 'Decimal', 'Text', 'Code', 'Date', 'Time', 'DateTime', 'Boolean', 'Option', 'Guid', 'Duration', 'BigInteger'] as const)
  .map((type, i) => ({ id: i + 1, name: `F${i}`, type, length: 0, fieldClass: 'Normal' as const, optionMembers: type === 'Option' ? [' ', 'A', 'B'] : undefined }));

test('random filter expressions parse and compile to predicates or raise AL errors', () => {
  const r = rng(42);
  for (let i = 0; i < 3000; i++) {
    const text = randomText(r);
    onlyAlErrors(() => parseFilter(text), text);
    const field = fields[i % fields.length];
    onlyAlErrors(() => compileFieldFilter(field, { fieldId: field.id, expression: text })(field.type === 'Decimal' ? AlDecimal.ONE : field.type === 'Boolean' ? true : ['Text', 'Code', 'Guid'].includes(field.type) ? 'X' : 1), text);
  }
});

test('random date formulas, Evaluate texts, decimals and format strings never escape as non-AL errors', () => {
  const r = rng(7);
  const base = dmy2Date(15, 6, 2024);
  for (let i = 0; i < 3000; i++) {
    const text = randomText(r);
    onlyAlErrors(() => calcDate(text, base), text);
    onlyAlErrors(() => calcDate(`<${text}>`, base), text);
    for (const f of fields) {
      const res = evaluateText({ type: f.type, optionMembers: f.optionMembers }, text);
      assert.ok(res.ok === true || typeof res.error === 'string');
    }
    onlyAlErrors(() => AlDecimal.parse(text), text);
    onlyAlErrors(() => formatValue('Decimal', AlDecimal.from('-1234.5'), 0, text), text);
    onlyAlErrors(() => formatValue('Date', base, 0, text), text);
    onlyAlErrors(() => incStr(text), text);
    onlyAlErrors(() => strSubstNo(text, ['a', 'b']), text);
  }
  onlyAlErrors(() => calcDate('<99999Y>', base), '<99999Y>');
  onlyAlErrors(() => calcDate('<-99999D>', base), '<-99999D>');
  assert.equal(AlDecimal.parse('1e999999'), undefined);
});
