// HttpRequestMessage and HttpResponseMessage: method, URI, headers, content and cookies of a request; status,
// reason, headers and content of a response (a fresh response has status 0 and is not successful).
import { AlError } from '../../interpreter/errors';
import { AlList } from '../../interpreter/collections';
import { registry, tBool, tInt, tText } from '../../interpreter/methodTypes';
import { str } from '../dotnet/dotnetType';
import { HttpContentValue } from './httpContent';
import { HttpHeadersValue } from './httpHeaders';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);

export class HttpRequestMessageValue {
  method = 'GET';
  uri = '';
  content = new HttpContentValue();
  headers = new HttpHeadersValue('request');
  cookies = new Map<string, string>();
}

export class HttpResponseMessageValue {
  statusCode = 0;
  reasonPhrase = '';
  content = new HttpContentValue();
  headers = new HttpHeadersValue('response');
  blockedByEnvironment = false;
  cookies = new Map<string, string>();
}

const rq = (v: unknown) => v as HttpRequestMessageValue;
const rs = (v: unknown) => v as HttpResponseMessageValue;
const cookieNames = (m: Map<string, string>) => { const l = new AlList({ name: 'Text' }); l.items = [...m.keys()]; return l; };

export const httpRequestMessageMethods = registry({
  Method: {
    ret: tText, max: 1,
    impl: (_rt, _ci, self, v?: unknown) => {
      if (v !== undefined) {
        const m = str(v).toUpperCase();
        if (!/^[A-Z]+$/.test(m)) throw new AlError(`The HTTP method '${str(v)}' is not valid.`);
        rq(self).method = METHODS.has(m) ? m : str(v);
      }
      return rq(self).method;
    },
  },
  SetRequestUri: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt, _ci, self, v) => { rq(self).uri = str(v); return true; } },
  GetRequestUri: { ret: tText, max: 0, impl: (_rt, _ci, self) => rq(self).uri },
  Content: { ret: { name: 'HttpContent' }, max: 1, impl: (_rt, _ci, self, v?: unknown) => { if (v !== undefined) rq(self).content = v as HttpContentValue; return rq(self).content; } },
  GetHeaders: { ret: tBool, min: 1, max: 1, refArgs: [0], impl: (_rt, _ci, self, ref: { v: unknown }) => { ref.v = rq(self).headers; return true; } },
  SetCookie: { ret: tBool, min: 2, max: 2, effect: true, impl: (_rt, _ci, self, n, v) => { rq(self).cookies.set(str(n), str(v)); return true; } },
  RemoveCookie: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt, _ci, self, n) => rq(self).cookies.delete(str(n)) },
  GetCookieNames: { ret: { name: 'List', of: [{ name: 'Text' }] }, max: 0, impl: (_rt, _ci, self) => cookieNames(rq(self).cookies) },
});

export const httpResponseMessageMethods = registry({
  HttpStatusCode: { ret: tInt, max: 0, impl: (_rt, _ci, self) => rs(self).statusCode },
  IsSuccessStatusCode: { ret: tBool, max: 0, impl: (_rt, _ci, self) => rs(self).statusCode >= 200 && rs(self).statusCode <= 299 },
  ReasonPhrase: { ret: tText, max: 0, impl: (_rt, _ci, self) => rs(self).reasonPhrase },
  Content: { ret: { name: 'HttpContent' }, max: 0, impl: (_rt, _ci, self) => rs(self).content },
  Headers: { ret: { name: 'HttpHeaders' }, max: 0, impl: (_rt, _ci, self) => rs(self).headers },
  IsBlockedByEnvironment: { ret: tBool, max: 0, impl: (_rt, _ci, self) => rs(self).blockedByEnvironment },
  GetCookieNames: { ret: { name: 'List', of: [{ name: 'Text' }] }, max: 0, impl: (_rt, _ci, self) => cookieNames(rs(self).cookies) },
});
