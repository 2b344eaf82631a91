// System.UriBuilder: a URI's parts as settable properties (Scheme, Host, Port, Path, Query, Fragment, UserName,
// Password) and the Uri they compose, with .NET's rules: "http://" assumed when the text has no scheme, Port -1
// meaning the scheme's default, a leading "/" on Path, "?" on Query and "#" on Fragment.
import { DotNetObject, dn, dotnetError, dotnetType, num, self, str, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';
import { UriValue, defaultPort, escapeComponent, newUri, parseAbsolute, type UriParts } from './uri';

export class UriBuilderValue extends DotNetObject {
  readonly dotnetType = 'System.UriBuilder';
  scheme = 'http';
  host = 'localhost';
  port = -1;
  path = '/';
  query = '';
  fragment = '';
  userName = '';
  password = '';
  override alFormat(): string {
    return composed(this);
  }
}

function composed(b: UriBuilderValue): string {
  const user = b.userName ? `${b.userName}${b.password ? ':' + b.password : ''}@` : '';
  const port = b.port !== -1 && b.port !== defaultPort(b.scheme) ? `:${b.port}` : '';
  const path = b.path.startsWith('/') || b.path === '' ? b.path : '/' + b.path;
  return `${b.scheme}://${user}${b.host}${port}${path}${b.query}${b.fragment}`;
}

function fromParts(b: UriBuilderValue, p: UriParts): UriBuilderValue {
  b.scheme = p.scheme;
  b.host = p.host;
  b.port = p.port >= 0 ? p.port : defaultPort(p.scheme);
  b.path = p.path;
  b.query = p.query;
  b.fragment = p.fragment;
  const [u, pw] = p.userInfo.split(':');
  b.userName = u ?? '';
  b.password = pw ?? '';
  return b;
}

const me = (v: unknown, call: DotNetCall) => self(v, UriBuilderValue, call);
const UB = 'System.UriBuilder';

export const UriBuilderType = dotnetType(UB, {
  UriBuilder: {
    static: true, ret: dn(UB),
    fn: (_s, args, call) => {
      const b = new UriBuilderValue();
      if (args.length === 0) return b;
      const a0 = unwrapAl(args[0]);
      if (a0 instanceof UriValue) {
        if (!a0.parts) throw dotnetError('This operation is not supported for a relative URI.', call);
        return fromParts(b, a0.parts);
      }
      if (args.length >= 2) {
        b.scheme = str(a0).toLowerCase();
        b.host = str(args[1]);
        if (args.length >= 3) b.port = num(args[2]);
        if (args.length >= 4) b.path = escapeComponent(str(args[3]));
        if (args.length >= 5) b.fragment = str(args[4]);
        return b;
      }
      const text = str(a0);
      const p = parseAbsolute(text) ?? parseAbsolute('http://' + text);
      if (!p) throw dotnetError('Invalid URI: The format of the URI could not be determined.', call);
      return fromParts(b, p);
    },
  },
  Scheme: {
    property: true, ret: tText,
    fn: (s, args, call) => {
      const b = me(s, call);
      if (args.length) {
        let v = str(args[0]);
        const colon = v.indexOf(':');
        if (colon >= 0) v = v.slice(0, colon);
        if (v !== '' && !/^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(v)) throw dotnetError(`Invalid URI: The URI scheme is not valid. (Parameter 'value')`, call);
        b.scheme = v.toLowerCase();
      }
      return b.scheme;
    },
  },
  Host: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) b.host = str(args[0]); return b.host; } },
  Port: {
    property: true, ret: tInt,
    fn: (s, args, call) => {
      const b = me(s, call);
      if (args.length) {
        const v = num(args[0]);
        if (v < -1) throw dotnetError(`value ('${v}') must be greater than or equal to '-1'. (Parameter 'value')\\Actual value was ${v}.`, call);
        if (v > 65535) throw dotnetError(`value ('${v}') must be less than or equal to '65535'. (Parameter 'value')\\Actual value was ${v}.`, call);
        b.port = v;
      }
      return b.port;
    },
  },
  Path: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) { const v = str(args[0]); b.path = escapeComponent(v === '' || v.startsWith('/') ? v || '/' : '/' + v); } return b.path; } },
  Query: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) { const v = str(args[0]); b.query = v === '' ? '' : v.startsWith('?') ? v : '?' + v; } return b.query; } },
  Fragment: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) { const v = str(args[0]); b.fragment = v === '' ? '' : v.startsWith('#') ? v : '#' + v; } return b.fragment; } },
  UserName: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) b.userName = str(args[0]); return b.userName; } },
  Password: { property: true, ret: tText, fn: (s, args, call) => { const b = me(s, call); if (args.length) b.password = str(args[0]); return b.password; } },
  Uri: {
    property: true, ret: dn('System.Uri'),
    fn: (s, _a, call) => {
      const text = composed(me(s, call));
      try {
        return newUri(text, call);
      } catch {
        throw dotnetError('Invalid URI: The hostname could not be parsed.', call);
      }
    },
  },
  ToString: { ret: tText, fn: (s, _a, call) => composed(me(s, call)) },
});
