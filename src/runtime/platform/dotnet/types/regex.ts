// System.Text.RegularExpressions.Regex and RegexOptions: instance (constructed with a pattern, options and a
// timeout) and static forms of IsMatch, Match, Matches, Replace, Split, plus Escape/Unescape and group names.
import { DotNetArray, DotNetObject, dn, dotnetError, dotnetType, num, self, str, tBool, tInt, tText, unwrapAl, type DotNetCall, type DotNetMember } from '../dotnetType';
import { MatchCollectionValue, MatchValue } from './regexMatch';
import { RegexOptions, RegexSyntaxError, expandReplacement, regexEscape, regexUnescape, translate, type TranslatedRegex } from './regexTranslate';

const NS = 'System.Text.RegularExpressions';

export class RegexValue extends DotNetObject {
  readonly dotnetType = `${NS}.Regex`;
  constructor(
    readonly pattern: string,
    readonly options: number,
    readonly t: TranslatedRegex,
  ) {
    super();
  }
  override alFormat(): string {
    return this.pattern;
  }
}

let cacheSize = 15;

function compile(pattern: string, options: number, call: DotNetCall): TranslatedRegex {
  try {
    return translate(pattern, options);
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw dotnetError(e.message, call);
    throw e;
  }
}

function matchAt(t: TranslatedRegex, input: string, start: number): MatchValue {
  const re = new RegExp(t.re.source, t.re.flags);
  re.lastIndex = start;
  const m = re.exec(input);
  const next = () => {
    if (!m) return matchAt(t, input, input.length + 1);
    return matchAt(t, input, m.index + (m[0].length || 1));
  };
  return new MatchValue(m && m.index <= input.length ? m : null, t, input, next);
}

function allMatches(t: TranslatedRegex, input: string, start = 0): MatchValue[] {
  const out: MatchValue[] = [];
  let pos = start;
  while (pos <= input.length) {
    const m = matchAt(t, input, pos);
    if (!m.success) break;
    out.push(m);
    pos = m.index + (m.value.length || 1);
  }
  return out;
}

function replace(t: TranslatedRegex, input: string, replacement: string, count = -1, start = 0): string {
  let out = input.slice(0, start);
  let pos = start;
  let n = 0;
  for (const m of allMatches(t, input, start)) {
    if (count >= 0 && n >= count) break;
    out += input.slice(pos, m.index) + expandReplacement(replacement, m.m!, t, input);
    pos = m.index + m.value.length;
    n++;
  }
  return out + input.slice(pos);
}

function split(t: TranslatedRegex, input: string, count = 0, start = 0): DotNetArray {
  const parts: string[] = [];
  let pos = 0;
  for (const m of allMatches(t, input, start)) {
    if (count > 0 && parts.length >= count - 1) break;
    if (m.value.length === 0 && (m.index === 0 || m.index === input.length)) continue;
    parts.push(input.slice(pos, m.index));
    // Captured groups are part of the result, as in .NET.
    for (const g of m.groups().slice(1)) if (g.success) parts.push(g.value);
    pos = m.index + m.value.length;
  }
  parts.push(input.slice(pos));
  return new DotNetArray(parts, 'System.String');
}

/**
 * A member usable both ways: `DotNetRegex.IsMatch(Input)` on a constructed Regex, and the static
 * `Regex.IsMatch(Input, Pattern[, Options])`. A Text second argument means the static form.
 */
function dual(ret: DotNetMember['ret'], inst: (r: RegexValue, args: unknown[], call: DotNetCall) => unknown, stat: (t: TranslatedRegex, input: string, args: unknown[], call: DotNetCall) => unknown, patternArg = 1): DotNetMember {
  return {
    static: true, ret,
    fn: (s, args, call) => {
      const r = unwrapAl(s);
      const p = unwrapAl(args[patternArg]);
      if (r instanceof RegexValue && typeof p !== 'string') return inst(r, args, call);
      if (typeof p !== 'string') return inst(self(s, RegexValue, call), args, call);
      const options = args.length > patternArg + 1 && typeof unwrapAl(args[patternArg + 1]) === 'number' ? num(args[patternArg + 1]) : 0;
      return stat(compile(p, options, call), str(args[0]), args, call);
    },
  };
}

export const RegexType = dotnetType(`${NS}.Regex`, {
  Regex: { static: true, ret: dn(`${NS}.Regex`), fn: (_s, [p, o], call) => { const pattern = str(p); const options = o === undefined ? 0 : num(o); return new RegexValue(pattern, options, compile(pattern, options, call)); } },
  IsMatch: dual(tBool, (r, [input, start]) => matchAt(r.t, str(input), start === undefined ? 0 : num(start)).success, (t, input) => matchAt(t, input, 0).success),
  Match: dual(dn(`${NS}.Match`), (r, [input, start]) => matchAt(r.t, str(input), start === undefined ? 0 : num(start)), (t, input) => matchAt(t, input, 0)),
  Matches: dual(dn(`${NS}.MatchCollection`), (r, [input, start]) => new MatchCollectionValue(allMatches(r.t, str(input), start === undefined ? 0 : num(start))), (t, input) => new MatchCollectionValue(allMatches(t, input))),
  Replace: {
    static: true, ret: tText,
    fn: (s, args, call) => {
      const r = unwrapAl(s);
      // Instance: (input, replacement[, count[, startat]]); static: (input, pattern, replacement[, options]).
      if (r instanceof RegexValue && (args.length < 3 || typeof unwrapAl(args[2]) === 'number')) return replace(r.t, str(args[0]), str(args[1]), args[2] === undefined ? -1 : num(args[2]), args[3] === undefined ? 0 : num(args[3]));
      if (args.length < 3) return replace(self(s, RegexValue, call).t, str(args[0]), str(args[1]));
      return replace(compile(str(args[1]), args[3] === undefined ? 0 : num(args[3]), call), str(args[0]), str(args[2]));
    },
  },
  Split: dual(dn('System.Array'), (r, [input, count, start]) => split(r.t, str(input), count === undefined ? 0 : num(count), start === undefined ? 0 : num(start)), (t, input) => split(t, input)),
  Escape: { static: true, ret: tText, fn: (_s, [v]) => regexEscape(str(v)) },
  Unescape: { static: true, ret: tText, fn: (_s, [v]) => regexUnescape(str(v)) },
  CacheSize: { static: true, property: true, ret: tInt, fn: (_s, [v], call) => { if (v !== undefined) { const n = num(v); if (n < 0) throw dotnetError(`Specified argument was out of the range of valid values. (Parameter 'value')`, call); cacheSize = n; } return cacheSize; } },
  GetGroupNames: { ret: dn('System.Array'), fn: (s, _a, call) => new DotNetArray(self(s, RegexValue, call).t.names.slice(), 'System.String') },
  GetGroupNumbers: { ret: dn('System.Array'), fn: (s, _a, call) => new DotNetArray(self(s, RegexValue, call).t.names.map((_n, i) => i), 'System.Int32') },
  GroupNameFromNumber: { ret: tText, fn: (s, [n], call) => self(s, RegexValue, call).t.names[num(n)] ?? '' },
  GroupNumberFromName: { ret: tInt, fn: (s, [n], call) => { const names = self(s, RegexValue, call).t.names; const i = names.indexOf(str(n)); return i; } },
  Options: { property: true, ret: tInt, fn: (s, _a, call) => self(s, RegexValue, call).options },
  ToString: { ret: tText, fn: (s, _a, call) => self(s, RegexValue, call).pattern },
  GetHashCode: { ret: tInt, fn: (s, _a, call) => { let h = 7; for (const ch of self(s, RegexValue, call).pattern) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0; return h; } },
});

export const RegexOptionsType = dotnetType(`${NS}.RegexOptions`, {
  None: { static: true, property: true, ret: tInt, fn: () => 0 },
  ...Object.fromEntries(Object.entries(RegexOptions).map(([k, v]) => [k, { static: true, property: true, ret: tInt, fn: () => v }])),
});
