// HttpClient without a network: Send/Get/Post/Put/Patch/Delete build the request and ask the session
// (SessionServices.httpRequest: a test's [HttpClientHandler] answers there); unanswered, the request is blocked
// by the environment as BC blocks it: the call returns false with the response's IsBlockedByEnvironment set, or
// raises BC's error when its result is not used.
import type { HttpRequestData } from '../../contracts';
import { AlError } from '../../interpreter/errors';
import { registry, tBool, tText, type CallInfo } from '../../interpreter/methodTypes';
import { toSourceLocation } from '../../interpreter/model';
import { str } from '../dotnet/dotnetType';
import { HttpContentValue } from './httpContent';
import { HttpHeadersValue } from './httpHeaders';
import { HttpRequestMessageValue, HttpResponseMessageValue } from './httpMessages';

export class HttpClientValue {
  baseAddress = '';
  timeoutMs = 100_000;
  defaultHeaders = new HttpHeadersValue('request');
}

const hc = (v: unknown) => v as HttpClientValue;

function absolute(client: HttpClientValue, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || !client.baseAddress) return path;
  try {
    return new URL(path, client.baseAddress).toString();
  } catch {
    return client.baseAddress + path;
  }
}

/** BC shows the request's URI normalised (a bare host gets its "/"). */
function shown(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url;
  }
}

function send(rt: any, ci: CallInfo, client: HttpClientValue, req: HttpRequestMessageValue, ref: { v: unknown }): boolean {
  const url = absolute(client, req.uri);
  const data: HttpRequestData = { method: req.method, url, headers: [...client.defaultHeaders.entries, ...req.headers.entries, ...(req.content.written ? req.content.headers.entries : [])], content: req.content.text };
  const answer = rt.services?.httpRequest?.(data);
  const res = new HttpResponseMessageValue();
  ref.v = res;
  if (!answer) {
    res.blockedByEnvironment = true;
    if (ci.used) return false;
    throw new AlError(`The outgoing HTTP request to "${shown(url)}" was blocked by the environment.`, 'HttpBlocked', toSourceLocation(ci.loc));
  }
  res.statusCode = answer.statusCode;
  res.reasonPhrase = answer.reasonPhrase ?? '';
  for (const [k, v] of answer.headers ?? []) (/^content-/i.test(k) ? res.content.headers : res.headers).add(k, v);
  res.content.text = answer.content ?? '';
  res.content.written = true;
  return true;
}

function verb(method: string, withContent: boolean) {
  return {
    ret: tBool, min: withContent ? 3 : 2, max: withContent ? 3 : 2, refArgs: [withContent ? 2 : 1], effect: true,
    impl: (rt: any, ci: CallInfo, self: unknown, path: unknown, a: unknown, b?: unknown) => {
      const req = new HttpRequestMessageValue();
      req.method = method;
      req.uri = str(path);
      if (withContent) req.content = a as HttpContentValue;
      return send(rt, ci, hc(self), req, (withContent ? b : a) as { v: unknown });
    },
  };
}

export const httpClientMethods = registry({
  Send: { ret: tBool, min: 2, max: 2, refArgs: [1], effect: true, impl: (rt, ci, self, req, ref) => send(rt, ci, hc(self), req as HttpRequestMessageValue, ref as { v: unknown }) },
  Get: verb('GET', false),
  Delete: verb('DELETE', false),
  Post: verb('POST', true),
  Put: verb('PUT', true),
  Patch: verb('PATCH', true),
  SetBaseAddress: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt, _ci, self, v) => { hc(self).baseAddress = str(v); return true; } },
  GetBaseAddress: { ret: tText, max: 0, impl: (_rt, _ci, self) => hc(self).baseAddress },
  DefaultRequestHeaders: { ret: { name: 'HttpHeaders' }, max: 0, impl: (_rt, _ci, self) => hc(self).defaultHeaders },
  Timeout: { ret: { name: 'Duration' }, max: 1, impl: (_rt, _ci, self, v?: unknown) => { if (v !== undefined) hc(self).timeoutMs = Number(v); return hc(self).timeoutMs; } },
  Clear: { max: 0, effect: true, impl: (_rt, _ci, self) => { const c = hc(self); c.baseAddress = ''; c.timeoutMs = 100_000; c.defaultHeaders = new HttpHeadersValue('request'); } },
  AddCertificate: { min: 1, max: 2, effect: true, impl: () => undefined },
  UseDefaultNetworkWindowsAuthentication: { ret: tBool, max: 0, impl: () => true },
  UseWindowsAuthentication: { ret: tBool, min: 2, max: 3, impl: () => true },
  UseResponseCookies: { min: 1, max: 1, impl: () => undefined },
  UseServerCertificateValidation: { min: 1, max: 1, impl: () => undefined },
});
