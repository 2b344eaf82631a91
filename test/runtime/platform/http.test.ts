// HttpClient without a network: requests, headers and content as data; an unanswered request is blocked by the
// environment (false with IsBlockedByEnvironment when the result is used, BC's error otherwise); a session hook
// (what a test's [HttpClientHandler] answers through) gives the response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpRequestData, HttpResponseData } from '../../../src/runtime/contracts';
import { Database } from '../../../src/runtime/store';
import { TestServices, detached, drive, engineWith, errorOf, messagesOf } from '../interpreter/support';

test('request message, headers and content: method, URI, content headers, misused headers', () => {
  assert.deepEqual(messagesOf('Req: HttpRequestMessage; C: HttpContent; H: HttpHeaders; CH: HttpHeaders; t: Text; Vals: array[2] of Text;', `
    Req.Method := 'post';
    Req.SetRequestUri('https://example.com/api');
    C.WriteFrom('{"a":1}');
    C.GetHeaders(CH);
    CH.Remove('Content-Type'); CH.Add('Content-Type', 'application/json');
    Req.Content := C;
    Req.GetHeaders(H);
    H.Add('Accept', 'application/json');
    Message('%1 %2 %3 %4', Req.Method, Req.GetRequestUri(), H.Contains('accept'), H.Add('Content-Type', 'x'));
    Req.Content.ReadAs(t);
    CH.GetValues('content-type', Vals);
    Message('%1 %2', t, Vals[1]);
    C.Clear(); C.ReadAs(t); Message('[%1]', t);`), ['POST https://example.com/api Yes No', '{"a":1} application/json', '[]']);
  assert.match(errorOf('H: HttpHeaders; Req: HttpRequestMessage;', `Req.GetHeaders(H); H.Add('Content-Type', 'text/plain');`), /^Misused header name/);
});

test('an unanswered request is blocked by the environment', () => {
  assert.deepEqual(messagesOf('Client: HttpClient; Res: HttpResponseMessage;', `
    if not Client.Get('https://example.com', Res) then Message('%1 %2 %3', Res.IsBlockedByEnvironment(), Res.HttpStatusCode(), Res.IsSuccessStatusCode());`), ['Yes 0 No']);
  assert.equal(errorOf('Client: HttpClient; Res: HttpResponseMessage;', `Client.Get('https://example.com', Res);`), 'The outgoing HTTP request to "https://example.com/" was blocked by the environment.');
});

test('the session\'s HTTP hook answers a request (what [HttpClientHandler] uses)', () => {
  const engine = engineWith({ 'test.al': `codeunit 50000 Test
  {
    trigger OnRun()
    var Client: HttpClient; Res: HttpResponseMessage; C: HttpContent; t: Text;
    begin
      Client.SetBaseAddress('https://api.example.com/v1/');
      Client.DefaultRequestHeaders.Add('Authorization', 'Bearer x');
      C.WriteFrom('ping');
      if Client.Post('items', C, Res) then begin
        Res.Content.ReadAs(t);
        Message('%1 %2 %3', Res.HttpStatusCode(), Res.ReasonPhrase(), t);
      end;
    end;
  }` });
  const seen: HttpRequestData[] = [];
  const services = Object.assign(new TestServices(new Database(engine.tables()).begin(1)), {
    httpRequest: (req: HttpRequestData): HttpResponseData => (seen.push(req), { statusCode: 201, reasonPhrase: 'Created', content: 'pong' }),
  });
  const r = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  assert.equal(r.state, 'completed');
  assert.deepEqual(services.messages, ['201 Created pong']);
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].url, 'https://api.example.com/v1/items');
  assert.equal(seen[0].content, 'ping');
  assert.deepEqual(seen[0].headers, [['Authorization', 'Bearer x'], ['Content-Type', 'text/plain; charset=utf-8']]);
});
