// HttpHeaders: a case-insensitive multimap of header names to values, of one kind (request, content or response
// headers): Add refuses a header of another kind with BC's "Misused header name" error; TryAddWithoutValidation
// does not check.
import { AlError } from '../../interpreter/errors';
import { AlList } from '../../interpreter/collections';
import { registry, tBool } from '../../interpreter/methodTypes';
import { str } from '../dotnet/dotnetType';

export type HeaderKind = 'request' | 'content' | 'response';

const CONTENT_HEADERS = new Set(['allow', 'content-disposition', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5', 'content-range', 'content-type', 'expires', 'last-modified']);
const RESPONSE_ONLY = new Set(['accept-ranges', 'age', 'etag', 'location', 'proxy-authenticate', 'retry-after', 'server', 'vary', 'www-authenticate']);

export class HttpHeadersValue {
  readonly entries: [string, string][] = [];
  constructor(readonly kind: HeaderKind = 'request') {}
  values(name: string): string[] {
    const n = name.toLowerCase();
    return this.entries.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
  }
  remove(name: string): boolean {
    const n = name.toLowerCase();
    const before = this.entries.length;
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i][0].toLowerCase() === n) this.entries.splice(i, 1);
    return this.entries.length !== before;
  }
  add(name: string, value: string): void {
    this.entries.push([name, value]);
  }
}

function misused(kind: HeaderKind, name: string): boolean {
  const n = name.toLowerCase();
  if (kind === 'content') return !CONTENT_HEADERS.has(n);
  if (kind === 'request') return CONTENT_HEADERS.has(n) || RESPONSE_ONLY.has(n);
  return CONTENT_HEADERS.has(n);
}

const h = (v: unknown) => v as HttpHeadersValue;

export const httpHeadersMethods = registry({
  Add: {
    ret: tBool, min: 2, max: 2, effect: true,
    impl: (_rt, ci, self, name, value) => {
      const n = str(name);
      if (misused(h(self).kind, n)) {
        if (ci.used) return false;
        throw new AlError('Misused header name. Make sure request headers are used with HttpRequestMessage, response headers with HttpResponseMessage, and content headers with HttpContent objects.');
      }
      h(self).add(n, str(value));
      return true;
    },
  },
  TryAddWithoutValidation: { ret: tBool, min: 2, max: 2, effect: true, impl: (_rt, _ci, self, name, value) => (h(self).add(str(name), str(value)), true) },
  Clear: { max: 0, effect: true, impl: (_rt, _ci, self) => void (h(self).entries.length = 0) },
  Contains: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, self, name) => h(self).values(str(name)).length > 0 },
  ContainsSecret: { ret: tBool, min: 1, max: 1, impl: () => false },
  Remove: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt, _ci, self, name) => h(self).remove(str(name)) },
  GetValues: {
    ret: tBool, min: 2, max: 2, refArgs: [1], effect: true,
    impl: (_rt, ci, self, name, out) => {
      const vals = h(self).values(str(name));
      // `Values: array[N] of Text` (a JS array) or a List of [Text].
      const target = out as unknown;
      if (Array.isArray(target)) vals.forEach((v, i) => { if (i < target.length) target[i] = v; });
      else if (target instanceof AlList) target.items = vals.slice();
      else if (target && typeof target === 'object' && 'v' in target) {
        const r = target as { v: unknown };
        if (Array.isArray(r.v)) vals.forEach((v, i) => { if (i < (r.v as unknown[]).length) (r.v as unknown[])[i] = v; });
        else if (r.v instanceof AlList) r.v.items = vals.slice();
      }
      void ci;
      return vals.length > 0;
    },
  },
  GetSecretValues: { ret: tBool, min: 2, max: 2, refArgs: [1], impl: (_rt, _ci, self, name) => h(self).values(str(name)).length > 0 },
  Keys: { ret: { name: 'List', of: [{ name: 'Text' }] }, max: 0, impl: (_rt, _ci, self) => { const l = new AlList({ name: 'Text' }); const seen = new Set<string>(); for (const [k] of h(self).entries) if (!seen.has(k.toLowerCase())) { seen.add(k.toLowerCase()); l.items.push(k); } return l; } },
});
