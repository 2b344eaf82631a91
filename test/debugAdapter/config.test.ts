// Unit tests of attach/launch configuration validation: defaults, the AL vocabulary, legacy forms, and errors
// that name the offending field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigError, parseAttachConfig, parseLaunchConfig, toAttachArguments } from '../../src/debugAdapter/config';

const root = join(__dirname, '..', '..');

test('attach: defaults follow the manifest (Background, errors All, record writes None)', () => {
  const c = parseAttachConfig({ type: 'al-session-lab', request: 'attach', name: 'x', port: 4711, token: 't' });
  assert.equal(c.port, 4711);
  assert.equal(c.breakOnNext, 'Background');
  assert.equal(c.breakOnError, 'All');
  assert.equal(c.breakOnRecordWrite, 'None');
  assert.equal(c.stopOnEntry, false);
  assert.deepEqual(c.explicit, { breakOnError: false, breakOnRecordWrite: false });
});

test('attach: the AL options are accepted, in any letter case, with legacy booleans', () => {
  const c = parseAttachConfig({ port: '4711', token: 't', breakOnNext: 'pagebackgroundtask', sessionId: 7, userId: 'ADMIN', breakOnError: false, breakOnRecordWrite: 'excludeTemporary', stopOnEntry: true });
  assert.deepEqual(toAttachArguments(c), { breakOnNext: 'PageBackgroundTask', sessionId: 7, userId: 'ADMIN', breakOnError: 'None', breakOnRecordWrite: 'ExcludeTemporary', stopOnEntry: true });
  assert.equal(parseAttachConfig({ port: 1, token: 't', breakOnError: true }).breakOnError, 'All');
  assert.equal(parseAttachConfig({ port: 1, token: 't', breakOnError: 'ExcludeTry' }).explicit.breakOnError, true);
});

function rejects(raw: unknown, pattern: RegExp, parse: (r: unknown) => unknown = parseAttachConfig) {
  assert.throws(() => parse(raw), (err: unknown) => {
    assert.ok(err instanceof ConfigError, String(err));
    assert.match(err.message, pattern);
    return true;
  });
}

test('attach: every invalid field is named in the message', () => {
  rejects({ token: 't' }, /'port' is missing/);
  rejects({ port: 0, token: 't' }, /'port' must be a TCP port number .*got 0/);
  rejects({ port: 'abc', token: 't' }, /'port' must be a TCP port/);
  rejects({ port: 1 }, /'token' is missing/);
  rejects({ port: 1, token: 5 }, /'token' must be a non-empty string/);
  rejects({ port: 1, token: 't', breakOnNext: 'Foreground' }, /'breakOnNext' must be one of WebClient, Background, PageBackgroundTask, Any \(got "Foreground"\)/);
  rejects({ port: 1, token: 't', breakOnNext: 'WebServiceClient' }, /'breakOnNext' value 'WebServiceClient' is not supported here: the local runtime has no web service endpoint/);
  rejects({ port: 1, token: 't', sessionId: -3 }, /'sessionId' must be a positive whole number/);
  rejects({ port: 1, token: 't', userId: '' }, /'userId' must be a non-empty user name/);
  rejects({ port: 1, token: 't', breakOnError: 'Sometimes' }, /'breakOnError' must be one of None, All, ExcludeTry/);
  rejects({ port: 1, token: 't', breakOnRecordWrite: 'Temporary' }, /'breakOnRecordWrite' must be one of None, All, ExcludeTemporary/);
  rejects({ port: 1, token: 't', stopOnEntry: 'yes' }, /'stopOnEntry' must be true or false/);
  rejects(null, /expected an object/);
});

test('launch: workspace and scenario are resolved and must exist', () => {
  const c = parseLaunchConfig({ workspace: 'examples/customer-card', scenario: 'examples/customer-card/scenarios/open-customer-card.json', breakOnNext: 'Any' }, root);
  assert.equal(c.workspace, join(root, 'examples', 'customer-card'));
  assert.equal(c.scenario, join(root, 'examples', 'customer-card', 'scenarios', 'open-customer-card.json'));
  assert.equal(c.breakOnNext, 'Any');
  const launch = (r: unknown) => parseLaunchConfig(r, root);
  rejects({}, /Invalid launch configuration: 'workspace' is missing/, launch);
  rejects({ workspace: 'no/such/folder' }, /'workspace' is not a folder: .*no\/such\/folder/, launch);
  rejects({ workspace: 'examples/customer-card', scenario: 'missing.json' }, /'scenario' is not a file/, launch);
  rejects({ workspace: 'examples/customer-card', clock: 'fast' }, /'clock' must be one of real, virtual/, launch);
  rejects({ workspace: 'examples/customer-card', sessionId: 3 }, /'sessionId' applies to attach only/, launch);
});

test('the manifest declares exactly the fields the adapter reads, with the same enums', async () => {
  const { readFileSync } = await import('node:fs');
  const { ATTACH_FIELDS, LAUNCH_FIELDS } = await import('../../src/debugAdapter/config');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dbg = pkg.contributes.debuggers.find((d: any) => d.type === 'al-session-lab');
  const attach = dbg.configurationAttributes.attach.properties;
  const launch = dbg.configurationAttributes.launch.properties;
  assert.deepEqual(Object.keys(attach).sort(), [...ATTACH_FIELDS].sort());
  assert.deepEqual(Object.keys(launch).sort(), [...LAUNCH_FIELDS].sort());
  for (const schema of [attach, launch]) {
    for (const value of schema.breakOnNext.enum) assert.equal(parseAttachConfig({ port: 1, token: 't', breakOnNext: value }).breakOnNext, value);
    for (const value of schema.breakOnError.enum) assert.ok(parseAttachConfig({ port: 1, token: 't', breakOnError: value }));
    for (const value of schema.breakOnRecordWrite.enum) assert.equal(parseAttachConfig({ port: 1, token: 't', breakOnRecordWrite: value }).breakOnRecordWrite, value);
  }
  assert.deepEqual(launch.clock.enum, ['real', 'virtual']);
});
