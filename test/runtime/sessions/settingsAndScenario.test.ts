// Settings (BC's defaults, the workspace file, durations, errors with file and line) and scenario parsing
// (every step kind, errors with file and line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, loadSettings, parseDuration, SettingsError } from '../../../src/runtime/sessions/settings';
import { parseScenario, ScenarioError } from '../../../src/runtime/sessions/scenario';

test("settings default to Business Central's server defaults", () => {
  assert.equal(DEFAULT_SETTINGS.backgroundSessionsMaxConcurrency, 10);
  assert.equal(DEFAULT_SETTINGS.backgroundSessionsMaxQueueLength, 100);
  assert.equal(DEFAULT_SETTINGS.childSessionsMaxConcurrency, 5);
  assert.equal(DEFAULT_SETTINGS.childSessionsMaxQueueLength, 100);
  assert.equal(DEFAULT_SETTINGS.pageBackgroundTaskDefaultTimeout, 120_000);
  assert.equal(DEFAULT_SETTINGS.pageBackgroundTaskMaxTimeout, 600_000);
  assert.equal(DEFAULT_SETTINGS.backgroundSessionsDefaultTimeout, 8 * 3600_000);
  assert.equal(DEFAULT_SETTINGS.sessionRecursionDepth, 14);
});

test('the workspace settings file overrides defaults; durations take ms or hh:mm:ss; bad values name file and line', () => {
  const ws = mkdtempSync(join(tmpdir(), 'als-settings-'));
  mkdirSync(join(ws, '.al-session-lab'));
  writeFileSync(join(ws, '.al-session-lab', 'settings.json'), '{\n  "childSessionsMaxConcurrency": 2,\n  "PageBackgroundTaskDefaultTimeout": "00:00:30"\n}\n');
  const s = loadSettings(ws);
  assert.equal(s.childSessionsMaxConcurrency, 2);
  assert.equal(s.pageBackgroundTaskDefaultTimeout, 30_000);
  assert.equal(parseDuration('01:00:00'), 3600_000);
  writeFileSync(join(ws, '.al-session-lab', 'settings.json'), '{\n  "childSessionsMaxConcurrency": 2,\n  "childSessionsMaxQueue": 3\n}\n');
  assert.throws(() => loadSettings(ws), (e: unknown) => e instanceof SettingsError && /settings\.json:3: unknown setting 'childSessionsMaxQueue'/.test(e.message));
  writeFileSync(join(ws, '.al-session-lab', 'settings.json'), '{\n  "childSessionsMaxConcurrency": 0\n}\n');
  assert.throws(() => loadSettings(ws), /settings\.json:2: setting 'childSessionsMaxConcurrency' needs a positive integer/);
  const other = mkdtempSync(join(tmpdir(), 'als-settings-'));
  writeFileSync(join(other, 'alsessionlab.json'), '{ "sessionRecursionDepth": 3 }');
  assert.equal(loadSettings(other).sessionRecursionDepth, 3);
});

test('scenario steps parse with their lines; malformed steps fail with file and line', () => {
  const text = `{
  "description": "all steps",
  "data": { "Customer": [ { "No.": "1" } ] },
  "steps": [
    { "openPage": "Customer Card", "record": { "No.": "1" } },
    { "nextRecord": true },
    { "previousRecord": true },
    { "invokeAction": "Post" },
    { "setField": "Name", "value": "X" },
    { "runCodeunit": 50100 },
    { "waitIdle": true },
    { "advanceMs": 100 },
    { "answerConfirm": false },
    { "answerStrMenu": 2 },
    { "stopSession": 3, "comment": "bye" },
    { "closePage": true }
  ]
}`;
  const s = parseScenario(text, 'all.json');
  assert.deepEqual(s.steps.map((x) => x.step.kind), ['openPage', 'nextRecord', 'previousRecord', 'invokeAction', 'setField', 'runCodeunit', 'waitIdle', 'advanceMs', 'answerConfirm', 'answerStrMenu', 'stopSession', 'closePage']);
  assert.deepEqual(s.steps.map((x) => x.line), [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  assert.equal(s.dataLines.Customer, 3);
  const bad = (t: string, re: RegExp) => assert.throws(() => parseScenario(t, 'bad.json'), (e: unknown) => e instanceof ScenarioError && re.test(e.message));
  bad('{ "steps": [\n {"advanceMs": -1}\n] }', /^bad\.json:2: step 1: "advanceMs" needs a non-negative whole number/);
  bad('{ "steps": [\n {"openPage": "A", "nextRecord": true}\n] }', /^bad\.json:2: step 1 has more than one action/);
  bad('{ "steps": [\n {"openPage": "A", "recrod": {}}\n] }', /^bad\.json:2: step 1 \(openPage\): unknown property "recrod"/);
  bad('{ "steps": [\n {"openPage": "A"}\n\n ,] }', /^bad\.json:4: unexpected ']'/);
  bad('{ "stpes": [] }', /^bad\.json:1: unknown scenario property "stpes"/);
  bad('[]', /^bad\.json:1: a scenario is a JSON object/);
});
