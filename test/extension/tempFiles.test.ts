// The extension's temporary files: a random folder per run (never a predictable path another user could plant a
// link at), private to this user, created exclusively, removed by dispose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writePrivateTempFile } from '../../src/extension/tempFiles';

test('each run writes into its own random, private folder; a link planted at a predictable path is not followed', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'alsl-tempfiles-'));
  const victim = path.join(base, 'victim.txt');
  fs.writeFileSync(victim, 'keep me');
  // What an attacker could plant if the path were predictable.
  fs.symlinkSync(victim, path.join(base, 'al-session-lab-empty-data.json'));
  const a = writePrivateTempFile('empty-data.json', '{}\n', base);
  const b = writePrivateTempFile('empty-data.json', '{}\n', base);
  assert.notEqual(path.dirname(a.file), path.dirname(b.file));
  assert.equal(fs.readFileSync(a.file, 'utf8'), '{}\n');
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep me');
  assert.equal(fs.statSync(path.dirname(a.file)).mode & 0o077, 0, 'the folder is private to this user');
  assert.equal(fs.statSync(a.file).mode & 0o077, 0, 'the file is private to this user');
  a.dispose();
  a.dispose();
  assert.equal(fs.existsSync(path.dirname(a.file)), false);
  assert.equal(fs.existsSync(b.file), true);
  b.dispose();
  fs.rmSync(base, { recursive: true, force: true });
});
