// Load fuzzing (a few hundred cases here; `npm run bench:fuzz-load` runs 5,000): generated workspaces with random
// mutations through the loader, lint and a scenario step; no case may end in an internal error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzzCase } from './fuzzCase';

const CASES = Number(process.env.FUZZ_LOAD_CASES ?? 300);

test(`load fuzz: ${CASES} generated workspaces load, lint and run without an internal error`, { timeout: 300_000 }, async () => {
  const problems: string[] = [];
  let loadErrors = 0;
  let ran = 0;
  for (let seed = 1; seed <= CASES; seed++) {
    const o = await runFuzzCase(seed);
    if (o.internal.length) problems.push(`seed ${seed}:\n  ${o.internal.join('\n  ')}`);
    if (o.loadErrors) loadErrors++;
    if (o.callState !== 'not run') ran++;
  }
  assert.deepEqual(problems.slice(0, 5), []);
  // The generator does reach the interesting paths: workspaces with load errors, and calls that run.
  assert.ok(loadErrors > CASES / 10, `only ${loadErrors} cases had load errors`);
  assert.ok(ran > CASES / 2, `only ${ran} cases ran the entry codeunit`);
});
