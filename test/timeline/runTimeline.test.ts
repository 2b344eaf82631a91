// Tests of `al-session-lab run ... --timeline FILE` through the shipped bundle: the chart of the example's runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const example = join(root, 'examples', 'customer-card');

function run(scenario: string, file: string) {
  return spawnSync(process.execPath, [cli, 'run', example, '--scenario', join(example, 'scenarios', scenario), '--json', '--timeline', file], { encoding: 'utf8' });
}

test('--timeline writes a standalone HTML chart of the run: the page session, its cancelled and completed tasks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-'));
  try {
    const file = join(dir, 'run.html');
    const r = run('next-record-cancels.json', file);
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /next-record-cancels\.json: session timeline/);
    assert.match(html, new RegExp(`Events \\(${events.length}\\)`));
    assert.match(html, /class="bar hit kind-Foreground/);
    assert.match(html, /class="bar hit kind-PageBackgroundTask outcome-cancelled"/);
    assert.match(html, /class="bar hit kind-PageBackgroundTask outcome-completed"/);
    assert.match(html, /recordChanged/);
    assert.doesNotMatch(html, /<script/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--timeline FILE.svg writes the SVG alone; an unwritable path is bad input (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-'));
  try {
    const file = join(dir, 'run.svg');
    assert.equal(run('block-customers.json', file).status, 0);
    const svg = readFileSync(file, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /kind-Background outcome-completed/);
    const bad = run('block-customers.json', join(dir, 'no', 'such', 'dir', 'x.html'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /cannot write the timeline/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
