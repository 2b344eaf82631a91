// Foreground dialogs through `serve`: a connection that handles dialogs gets Confirm/StrMenu/Message as `dialog`
// events and the page's session waits for `answerDialog` (as BC's client does); without one the default answer
// stands; a client that goes away answers nothing (defaults, the session goes on). Errors carry their AL location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { RuntimeClient } from '../../../src/protocol/client';
import type { DialogRequest, Events } from '../../../src/protocol/runtimeProtocol';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

const AL = `
table 50400 "Dlg Item"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Answer; Text[100]) { }
    }
    keys { key(PK; "No.") { Clustered = true; } }
}

page 50400 "Dlg Card"
{
    PageType = Card;
    SourceTable = "Dlg Item";
    layout { area(Content) { field("No."; Rec."No.") { } field(Answer; Rec.Answer) { } } }
    actions
    {
        area(Processing)
        {
            action(Ask)
            {
                trigger OnAction()
                var
                    Choice: Integer;
                begin
                    if Confirm('Post %1?', false, Rec."No.") then
                        Rec.Answer := 'yes'
                    else
                        Rec.Answer := 'no';
                    Choice := StrMenu('Ship,Invoice,Ship and Invoice', 1, 'How do you want to post?');
                    Rec.Answer += ' ' + Format(Choice);
                    Message('Posted %1', Rec."No.");
                    Rec.Modify();
                end;
            }
        }
    }
}

codeunit 50401 "Dlg Failing"
{
    trigger OnRun()
    begin
        Error('Nothing to post for %1', 'X');
    end;
}
`;

async function serveWorkspace(): Promise<{ proc: ChildProcess; port: number; token: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-dialogs-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ id: '11111111-2222-3333-4444-555555555555', name: 'Dialogs', publisher: 'Lab', version: '1.0.0.0' }));
  writeFileSync(join(dir, 'src', 'Dialogs.al'), AL);
  const data = join(dir, 'data.json');
  writeFileSync(data, JSON.stringify({ data: { 'Dlg Item': [{ 'No.': 'A' }] } }));
  const proc = spawn(process.execPath, [cli, 'serve', dir, '--clock', 'virtual', '--data', data], { stdio: ['pipe', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { proc, ...(JSON.parse(line) as { port: number; token: string }) };
}

function next<E extends keyof Events>(client: RuntimeClient, event: E, where: (b: Events[E]) => boolean = () => true): Promise<Events[E]> {
  return new Promise((resolve) => {
    const off = client.on(event, (b) => {
      if (where(b)) {
        off();
        resolve(b);
      }
    });
  });
}

test('serve: Confirm and StrMenu wait for the answer of the connection that handles dialogs; Message is told; errors carry their location', async () => {
  const { proc, port, token } = await serveWorkspace();
  try {
    const client = await RuntimeClient.connect({ port, token, client: 'test' });
    await client.request('handleDialogs', { enabled: true });
    const page = await client.request('openPage', { page: 'Dlg Card' });
    const dialogs: DialogRequest[] = [];
    client.on('dialog', (d) => dialogs.push(d));
    const confirm = next(client, 'dialog', (d) => d.kind === 'Confirm');
    const acting = client.request('invokeAction', { pageInstanceId: page.pageInstanceId, action: 'Ask' });
    const c = await confirm;
    assert.deepEqual([c.text, c.default, c.session], ['Post A?', false, page.session]);
    // The session waits: the action has not answered yet.
    let done = false;
    void acting.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(done, false, 'the action waits for the answer');
    const strMenu = next(client, 'dialog', (d) => d.kind === 'StrMenu');
    await client.request('answerDialog', { dialog: c.id, answer: true });
    const m = await strMenu;
    assert.deepEqual([m.text, m.options, m.default], ['How do you want to post?', ['Ship', 'Invoice', 'Ship and Invoice'], 1]);
    await client.request('answerDialog', { dialog: m.id, answer: 3 });
    const after = await acting;
    assert.equal(after.error, undefined);
    assert.equal(after.groups.flatMap((g) => g.fields).find((f) => f.name === 'Answer')!.value, 'yes 3');
    assert.ok(dialogs.some((d) => d.kind === 'Message' && d.text === 'Posted A'), 'Message is shown to the person');
    await assert.rejects(client.request('answerDialog', { dialog: c.id, answer: true }), /not waiting/);

    // Run Codeunit: the error ends the session; sessionEnded says where it was raised.
    const ended = next(client, 'sessionEnded', (e) => e.outcome === 'error');
    await client.request('runCodeunit', { codeunit: 'Dlg Failing' });
    const e = await ended;
    assert.equal(e.error!.text, 'Nothing to post for X');
    assert.match(e.error!.file!, /Dialogs\.al$/);
    assert.equal(e.error!.line, AL.split('\n').findIndex((l) => l.includes("Error('Nothing")));
    await assert.rejects(client.request('runCodeunit', { codeunit: 'No Such' }), /there is no codeunit "No Such"/);

    // The dialog client goes away while a question waits: the default answer, and the session goes on.
    const other = await RuntimeClient.connect({ port, token, client: 'test2' });
    const waiting = next(client, 'dialog', (d) => d.kind === 'Confirm');
    const acting2 = other.request('invokeAction', { pageInstanceId: page.pageInstanceId, action: 'Ask' });
    await waiting;
    client.dispose();
    const after2 = await acting2;
    assert.equal(after2.groups.flatMap((g) => g.fields).find((f) => f.name === 'Answer')!.value, 'no 1', 'defaults: Confirm false, StrMenu 1');
    other.dispose();
  } finally {
    proc.kill();
  }
});
