// System.Text.Encoding (and UTF8Encoding/UnicodeEncoding constructors): UTF-8, UTF-16 LE/BE, UTF-32, ASCII and
// Windows/ISO code pages through iconv-lite; GetBytes/GetString/GetByteCount/GetPreamble, CodePage, WebName.
import * as iconv from 'iconv-lite';
import { DotNetObject, dn, dotnetError, dotnetType, num, self, str, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';
import { byteArray, bytesOf } from './convert';

/** Code page -> iconv-lite name, web name and English name (the ones BC code asks for, plus the common Windows ones). */
const PAGES: Record<number, [string, string, string]> = {
  65001: ['utf8', 'utf-8', 'Unicode (UTF-8)'],
  1200: ['utf16le', 'utf-16', 'Unicode'],
  1201: ['utf16be', 'utf-16BE', 'Unicode (Big-Endian)'],
  12000: ['utf32le', 'utf-32', 'Unicode (UTF-32)'],
  20127: ['ascii', 'us-ascii', 'US-ASCII'],
  28591: ['latin1', 'iso-8859-1', 'Western European (ISO)'],
  28592: ['iso88592', 'iso-8859-2', 'Central European (ISO)'],
  28605: ['iso885915', 'iso-8859-15', 'Latin 9 (ISO)'],
  437: ['cp437', 'IBM437', 'OEM United States'],
  850: ['cp850', 'ibm850', 'Western European (DOS)'],
  852: ['cp852', 'ibm852', 'Central European (DOS)'],
  865: ['cp865', 'IBM865', 'Nordic (DOS)'],
  866: ['cp866', 'cp866', 'Cyrillic (DOS)'],
  932: ['shift_jis', 'shift_jis', 'Japanese (Shift-JIS)'],
  936: ['gbk', 'gb2312', 'Chinese Simplified (GB2312)'],
  949: ['cp949', 'ks_c_5601-1987', 'Korean'],
  950: ['big5', 'big5', 'Chinese Traditional (Big5)'],
  1250: ['windows1250', 'windows-1250', 'Central European (Windows)'],
  1251: ['windows1251', 'windows-1251', 'Cyrillic (Windows)'],
  1252: ['windows1252', 'Windows-1252', 'Western European (Windows)'],
  1253: ['windows1253', 'windows-1253', 'Greek (Windows)'],
  1254: ['windows1254', 'windows-1254', 'Turkish (Windows)'],
  1255: ['windows1255', 'windows-1255', 'Hebrew (Windows)'],
  1256: ['windows1256', 'windows-1256', 'Arabic (Windows)'],
  1257: ['windows1257', 'windows-1257', 'Baltic (Windows)'],
  1258: ['windows1258', 'windows-1258', 'Vietnamese (Windows)'],
};

export class EncodingValue extends DotNetObject {
  readonly dotnetType = 'System.Text.Encoding';
  constructor(
    readonly codePage: number,
    /** Emit a byte order mark in GetPreamble (UTF8Encoding(true), Encoding.UTF8). */
    readonly bom = true,
  ) {
    super();
  }
  get iconvName(): string {
    return PAGES[this.codePage]?.[0] ?? `cp${this.codePage}`;
  }
  encode(s: string): Buffer {
    return iconv.encode(s, this.iconvName);
  }
  decode(b: Uint8Array): string {
    return iconv.decode(Buffer.from(b), this.iconvName, { stripBOM: false });
  }
  override alFormat(): string {
    return `System.Text.${this.codePage === 65001 ? 'UTF8Encoding' : 'Encoding'}`;
  }
}

export function encodingFor(codePageOrName: unknown, call: DotNetCall): EncodingValue {
  const v = unwrapAl(codePageOrName);
  if (typeof v === 'number') {
    if (!PAGES[v] && !iconv.encodingExists(`cp${v}`)) throw dotnetError(`No data is available for encoding ${v}. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'codepage')`, call);
    return new EncodingValue(v);
  }
  const name = str(v).toLowerCase();
  for (const [cp, [iconvName, web]] of Object.entries(PAGES)) if (web.toLowerCase() === name || iconvName === name.replace(/[-_]/g, '')) return new EncodingValue(Number(cp));
  if (name === 'utf8' || name === 'unicode') return new EncodingValue(name === 'utf8' ? 65001 : 1200);
  throw dotnetError(`'${str(v)}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`, call);
}

const ENC = 'System.Text.Encoding';
const me = (v: unknown, call: DotNetCall) => self(v, EncodingValue, call);
const fixed = (cp: number) => ({ static: true, property: true, ret: dn(ENC), fn: () => new EncodingValue(cp) });

const members = {
  UTF8: fixed(65001),
  Unicode: fixed(1200),
  BigEndianUnicode: fixed(1201),
  UTF32: fixed(12000),
  ASCII: fixed(20127),
  Latin1: fixed(28591),
  Default: fixed(65001),
  GetEncoding: { static: true, ret: dn(ENC), fn: (_s: unknown, [v]: unknown[], call: DotNetCall) => encodingFor(v, call) },
  GetBytes: {
    ret: dn('System.Array'),
    fn: (s: unknown, args: unknown[], call: DotNetCall) => {
      const e = me(s, call);
      const v = unwrapAl(args[0]);
      const text = typeof v === 'string' ? v : str(v);
      return byteArray(e.encode(args.length >= 3 ? text.substr(num(args[1]), num(args[2])) : text));
    },
  },
  GetString: {
    ret: tText,
    fn: (s: unknown, args: unknown[], call: DotNetCall) => {
      let b = bytesOf(args[0], call);
      if (args.length >= 3) b = b.subarray(num(args[1]), num(args[1]) + num(args[2]));
      return me(s, call).decode(b);
    },
  },
  GetByteCount: { ret: tInt, fn: (s: unknown, [v]: unknown[], call: DotNetCall) => me(s, call).encode(str(v)).length },
  GetPreamble: {
    ret: dn('System.Array'),
    fn: (s: unknown, _a: unknown[], call: DotNetCall) => {
      const e = me(s, call);
      if (!e.bom) return byteArray(Buffer.alloc(0));
      const bom: Record<number, number[]> = { 65001: [0xef, 0xbb, 0xbf], 1200: [0xff, 0xfe], 1201: [0xfe, 0xff], 12000: [0xff, 0xfe, 0, 0] };
      return byteArray(Buffer.from(bom[e.codePage] ?? []));
    },
  },
  CodePage: { property: true, ret: tInt, fn: (s: unknown, _a: unknown[], call: DotNetCall) => me(s, call).codePage },
  WindowsCodePage: { property: true, ret: tInt, fn: (s: unknown, _a: unknown[], call: DotNetCall) => { const cp = me(s, call).codePage; return cp === 65001 || cp === 1200 ? 1200 : cp; } },
  WebName: { property: true, ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => PAGES[me(s, call).codePage]?.[1] ?? `cp${me(s, call).codePage}` },
  BodyName: { property: true, ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => PAGES[me(s, call).codePage]?.[1] ?? '' },
  EncodingName: { property: true, ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => PAGES[me(s, call).codePage]?.[2] ?? '' },
  ToString: { ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => me(s, call).alFormat() },
};

export const EncodingType = dotnetType(ENC, members);
export const UTF8EncodingType = dotnetType('System.Text.UTF8Encoding', { ...members, UTF8Encoding: { static: true, ret: dn(ENC), fn: (_s, [bom]) => new EncodingValue(65001, bom === undefined ? false : unwrapAl(bom) === true) } });
export const UnicodeEncodingType = dotnetType('System.Text.UnicodeEncoding', { ...members, UnicodeEncoding: { static: true, ret: dn(ENC), fn: (_s, [be, bom]) => new EncodingValue(unwrapAl(be) === true ? 1201 : 1200, bom === undefined ? true : unwrapAl(bom) === true) } });
