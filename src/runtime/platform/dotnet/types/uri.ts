// System.Uri (and the enums UriKind, UriPartial): an absolute URI parsed into its parts as .NET does (scheme and
// host lower-cased, default ports omitted from AbsoluteUri, an empty path read as "/", spaces and non-ASCII
// characters percent-encoded as UTF-8); the static escaping helpers; IsWellFormedUriString; IsBaseOf.
import { DotNetArray, DotNetObject, dn, dotnetError, dotnetType, num, self, str, tBool, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, ftps: 990, ws: 80, wss: 443, gopher: 70, nntp: 119, news: 119, ldap: 389, mailto: 25, telnet: 23, 'net.tcp': 808 };

export function defaultPort(scheme: string): number {
  return DEFAULT_PORTS[scheme.toLowerCase()] ?? -1;
}

/** Percent-encodes what .NET escapes in a path, query or fragment: spaces, controls, non-ASCII (as UTF-8), `"<>\^`{|}`. */
export function escapeComponent(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x21 || c > 0x7e || '"<>\\^`{|}'.includes(ch)) out += encodeBytes(ch);
    else out += ch;
  }
  return out;
}

function encodeBytes(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

export interface UriParts {
  scheme: string;
  userInfo: string;
  host: string;
  /** -1 when none was given (the scheme's default applies). */
  port: number;
  path: string;
  query: string;
  fragment: string;
}

const URI_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/s;

/** Parses an absolute URI; undefined when the text is not one. */
export function parseAbsolute(text: string): UriParts | undefined {
  const t = text.trim();
  const m = URI_RE.exec(t);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  let userInfo = '';
  let host = '';
  let port = -1;
  if (m[2] !== undefined) {
    let auth = m[2];
    const at = auth.lastIndexOf('@');
    if (at >= 0) {
      userInfo = auth.slice(0, at);
      auth = auth.slice(at + 1);
    }
    const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(auth);
    if (!pm) return undefined;
    host = pm[1].toLowerCase();
    if (pm[2]) {
      port = Number(pm[2]);
      if (port > 65535) return undefined;
    }
    if (!host && scheme !== 'file') return undefined;
    if (/[\s<>"{}|\\^`]/.test(host)) return undefined;
  } else if (DEFAULT_PORTS[scheme] !== undefined && scheme !== 'mailto' && scheme !== 'news') {
    return undefined;
  }
  let path = escapeComponent(m[3]);
  if (m[2] !== undefined && path === '') path = '/';
  return { scheme, userInfo, host, port, path, query: m[4] ? escapeComponent(m[4]) : '', fragment: m[5] ? escapeComponent(m[5]) : '' };
}

export function effectivePort(p: UriParts): number {
  return p.port >= 0 ? p.port : defaultPort(p.scheme);
}

export function authority(p: UriParts): string {
  const port = effectivePort(p);
  return p.host + (p.port >= 0 && port !== defaultPort(p.scheme) ? `:${port}` : '');
}

export function absoluteUri(p: UriParts): string {
  const hasAuthority = p.host !== '' || p.scheme === 'file';
  return `${p.scheme}:${hasAuthority ? '//' : ''}${p.userInfo ? p.userInfo + '@' : ''}${authority(p)}${p.path}${p.query}${p.fragment}`;
}

/** Resolves a relative reference against a base (RFC 3986 section 5). */
function resolve(base: UriParts, rel: string): UriParts {
  const abs = parseAbsolute(rel);
  if (abs) return abs;
  const u = new URL(rel, absoluteUri(base).replace(/^[^:]+:/, 'http:'));
  return { ...base, path: u.pathname, query: u.search, fragment: u.hash };
}

export class UriValue extends DotNetObject {
  readonly dotnetType = 'System.Uri';
  constructor(
    readonly parts: UriParts | undefined,
    readonly original: string,
  ) {
    super();
  }
  override alFormat(): string {
    return this.parts ? unescapeForDisplay(absoluteUri(this.parts)) : this.original;
  }
}

/** Uri.ToString() shows unescaped text (spaces and non-ASCII back), AbsoluteUri the escaped one. */
function unescapeForDisplay(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

const invalid = (call: DotNetCall) => dotnetError('Invalid URI: The format of the URI could not be determined.', call);

export function newUri(text: string, call: DotNetCall): UriValue {
  const p = parseAbsolute(text);
  if (!p) throw invalid(call);
  return new UriValue(p, text);
}

function abs(v: unknown, call: DotNetCall): UriParts {
  const u = self(v, UriValue, call);
  if (!u.parts) throw dotnetError('This operation is not supported for a relative URI.', call);
  return u.parts;
}

/** EscapeDataString: everything but RFC 3986's unreserved characters, as UTF-8. */
export function escapeDataString(s: string): string {
  let out = '';
  for (const ch of s) out += /^[A-Za-z0-9\-_.~]$/.test(ch) ? ch : encodeBytes(ch);
  return out;
}

export function unescapeDataString(s: string): string {
  return s.replace(/(%[0-9A-Fa-f]{2})+/g, (m) => {
    const bytes = Buffer.from(m.split('%').slice(1).map((h) => parseInt(h, 16)));
    const t = bytes.toString('utf8');
    return t.includes('\uFFFD') ? m : t;
  });
}

const URI = 'System.Uri';

export const UriType = dotnetType(URI, {
  Uri: {
    static: true, ret: dn(URI),
    fn: (_s, args, call) => {
      const a0 = unwrapAl(args[0]);
      if (args.length >= 2 && a0 instanceof UriValue) {
        const a1 = unwrapAl(args[1]);
        const rel = a1 instanceof UriValue ? a1.original : str(a1);
        return new UriValue(resolve(abs(a0, call), rel), rel);
      }
      const text = str(a0);
      const kind = args.length >= 2 ? num(args[1]) : 1;
      const p = parseAbsolute(text);
      if (p && kind !== 2) return new UriValue(p, text);
      if (!p && kind === 2 || (!p && kind === 0 && text !== '')) return new UriValue(undefined, text);
      throw invalid(call);
    },
  },
  AbsoluteUri: { property: true, ret: tText, fn: (s, _a, call) => absoluteUri(abs(s, call)) },
  OriginalString: { property: true, ret: tText, fn: (s, _a, call) => self(s, UriValue, call).original },
  Scheme: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).scheme },
  Host: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).host },
  DnsSafeHost: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).host.replace(/^\[|\]$/g, '') },
  IdnHost: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).host },
  Authority: { property: true, ret: tText, fn: (s, _a, call) => authority(abs(s, call)) },
  Port: { property: true, ret: tInt, fn: (s, _a, call) => effectivePort(abs(s, call)) },
  IsDefaultPort: { property: true, ret: tBool, fn: (s, _a, call) => { const p = abs(s, call); return effectivePort(p) === defaultPort(p.scheme); } },
  AbsolutePath: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).path },
  LocalPath: { property: true, ret: tText, fn: (s, _a, call) => unescapeDataString(abs(s, call).path) },
  PathAndQuery: { property: true, ret: tText, fn: (s, _a, call) => { const p = abs(s, call); return p.path + p.query; } },
  Query: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).query },
  Fragment: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).fragment },
  UserInfo: { property: true, ret: tText, fn: (s, _a, call) => abs(s, call).userInfo },
  IsAbsoluteUri: { property: true, ret: tBool, fn: (s, _a, call) => !!self(s, UriValue, call).parts },
  IsFile: { property: true, ret: tBool, fn: (s, _a, call) => abs(s, call).scheme === 'file' },
  IsLoopback: { property: true, ret: tBool, fn: (s, _a, call) => ['localhost', '127.0.0.1', '[::1]'].includes(abs(s, call).host) },
  Segments: {
    property: true, ret: dn('System.Array'),
    fn: (s, _a, call) => {
      const path = abs(s, call).path;
      const segs: string[] = [];
      let i = 0;
      while (i < path.length) {
        const j = path.indexOf('/', i);
        if (j < 0) {
          segs.push(path.slice(i));
          break;
        }
        segs.push(path.slice(i, j + 1));
        i = j + 1;
      }
      return new DotNetArray(segs, 'System.String');
    },
  },
  GetLeftPart: {
    ret: tText,
    fn: (s, [part], call) => {
      const p = abs(s, call);
      const full = absoluteUri(p);
      const k = num(part);
      if (k === 0) return `${p.scheme}:${p.host ? '//' : ''}`;
      const auth = `${p.scheme}://${p.userInfo ? p.userInfo + '@' : ''}${authority(p)}`;
      if (k === 1) return auth;
      if (k === 2) return auth + p.path;
      return full.slice(0, full.length - p.fragment.length);
    },
  },
  IsBaseOf: {
    ret: tBool,
    fn: (s, [other], call) => {
      const b = abs(s, call);
      const o = unwrapAl(other) instanceof UriValue ? abs(other, call) : parseAbsolute(str(other));
      if (!o) return false;
      if (b.scheme !== o.scheme || b.host !== o.host || effectivePort(b) !== effectivePort(o)) return false;
      const dir = b.path.slice(0, b.path.lastIndexOf('/') + 1);
      return o.path.toLowerCase().startsWith(dir.toLowerCase());
    },
  },
  MakeRelativeUri: {
    ret: dn(URI),
    fn: (s, [other], call) => {
      const b = abs(s, call);
      const o = abs(other, call);
      const from = b.path.split('/').slice(0, -1);
      const to = o.path.split('/');
      let i = 0;
      while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
      const rel = '../'.repeat(from.length - i) + to.slice(i).join('/') + o.query + o.fragment;
      return new UriValue(undefined, rel);
    },
  },
  ToString: { ret: tText, fn: (s, _a, call) => self(s, UriValue, call).alFormat() },
  Equals: { ret: tBool, fn: (s, [o], call) => { const a = self(s, UriValue, call); const b = unwrapAl(o); return b instanceof UriValue && !!a.parts && !!b.parts && absoluteUri(a.parts).toLowerCase() === absoluteUri(b.parts).toLowerCase(); } },
  EscapeDataString: { static: true, ret: tText, fn: (_s, [v]) => escapeDataString(str(v)) },
  UnescapeDataString: { static: true, ret: tText, fn: (_s, [v]) => unescapeDataString(str(v)) },
  EscapeUriString: { static: true, ret: tText, fn: (_s, [v]) => escapeComponent(str(v)) },
  IsWellFormedUriString: {
    static: true, ret: tBool,
    fn: (_s, [v, kind]) => {
      const t = str(v);
      const k = kind === undefined ? 0 : num(kind);
      if (/[\s<>"{}|\\^`]/.test(t) || /%(?![0-9A-Fa-f]{2})/.test(t)) return false;
      const p = parseAbsolute(t);
      if (k === 1) return !!p;
      if (k === 2) return !p && t !== '' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(t);
      return !!p || !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(t);
    },
  },
  CheckHostName: { static: true, ret: tInt, fn: (_s, [v]) => { const h = str(v); if (!h) return 0; if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) return 3; if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(h)) return 2; return 0; } },
  TryCreate: {
    static: true, ret: tBool, refArgs: [2],
    fn: (_s, [v, kind, out]) => {
      const t = str(v);
      const p = parseAbsolute(t);
      const k = num(kind);
      const ok = k === 2 ? !p : k === 1 ? !!p : true;
      (out as { v: unknown }).v = ok ? new UriValue(p, t) : null;
      return ok;
    },
  },
  UriSchemeHttp: { static: true, property: true, ret: tText, fn: () => 'http' },
  UriSchemeHttps: { static: true, property: true, ret: tText, fn: () => 'https' },
});

/** System.UriKind: RelativeOrAbsolute 0, Absolute 1, Relative 2 (enum values are Integers in AL). */
export const UriKindType = dotnetType('System.UriKind', {
  RelativeOrAbsolute: { static: true, property: true, ret: tInt, fn: () => 0 },
  Absolute: { static: true, property: true, ret: tInt, fn: () => 1 },
  Relative: { static: true, property: true, ret: tInt, fn: () => 2 },
});

/** System.UriPartial: Scheme 0, Authority 1, Path 2, Query 3. */
export const UriPartialType = dotnetType('System.UriPartial', {
  Scheme: { static: true, property: true, ret: tInt, fn: () => 0 },
  Authority: { static: true, property: true, ret: tInt, fn: () => 1 },
  Path: { static: true, property: true, ret: tInt, fn: () => 2 },
  Query: { static: true, property: true, ret: tInt, fn: () => 3 },
});
