// Fuzz test (bounded, deterministic): mutates valid AL (token delete/duplicate/swap/truncate, random bytes) and
// checks the parser never throws, terminates, and stays lossless. `npm run bench:fuzz` runs a longer campaign.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, isLossless, parseFile } from '../../src/syntax/index';
import { mutate, rng } from './fuzzSupport';

const dir = join(__dirname, 'golden');
const seeds = readdirSync(dir)
  .filter((n) => n.endsWith('.al'))
  .sort()
  .map((n) => decode(readFileSync(join(dir, n))));

test('fuzz: 600 mutations of the golden files parse without throwing and losslessly', () => {
  const random = rng(12345);
  for (let i = 0; i < 600; i++) {
    const text = mutate(seeds[i % seeds.length], random);
    const r = parseFile(text, { preprocessorSymbols: i % 2 ? ['CLEAN24'] : [] });
    assert.ok(isLossless(r.root, text), `mutation ${i} not lossless`);
  }
});
