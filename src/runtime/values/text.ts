// AL Text and Code semantics: Code normalization, declared-length checks, the classic string functions
// (CopyStr, StrPos, DelChr, PadStr, SelectStr, IncStr, ConvertStr, StrSubstNo...) and the Text methods.
// Positions are 1-based as in AL.
import { AlRuntimeError } from '../contracts';

export function lengthOverflowError(value: string, max: number): AlRuntimeError {
  return new AlRuntimeError(`The length of the string is ${value.length}, but it must be less than or equal to ${max} characters. Value: ${value}`);
}

/** Assigning to Text[max]: the value must fit (max 0 = unlimited). */
export function checkTextLength(value: string, max: number): string {
  if (max > 0 && value.length > max) throw lengthOverflowError(value, max);
  return value;
}

/** Assigning to Code[max]: upper-cased, leading and trailing spaces removed, then the length check. */
export function normalizeCode(value: string, max = 0): string {
  const code = value.trim().toUpperCase();
  if (max > 0 && code.length > max) throw lengthOverflowError(code, max);
  return code;
}

function positionError(method: string, name: string, value: number): AlRuntimeError {
  return new AlRuntimeError(`The value ${value} of the ${name} parameter of ${method} is outside the valid range.`);
}

/** CopyStr(String, Position [, Length]): Position past the end gives ''; Position < 1 is an error. */
export function copyStr(s: string, position: number, length?: number): string {
  if (position < 1) throw positionError('CopyStr', 'Position', position);
  if (length !== undefined && length < 0) throw positionError('CopyStr', 'Length', length);
  return length === undefined ? s.slice(position - 1) : s.slice(position - 1, position - 1 + length);
}

export function strLen(s: string): number {
  return s.length;
}

/** StrPos(String, SubString): 1-based position of the first occurrence (case-sensitive), 0 when absent. */
export function strPos(s: string, sub: string): number {
  if (sub === '') return 0;
  return s.indexOf(sub) + 1;
}

export function upperCase(s: string): string {
  return s.toUpperCase();
}

export function lowerCase(s: string): string {
  return s.toLowerCase();
}

/**
 * DelChr(String [, Where [, Which]]): removes the characters of Which (default a space) where Where says:
 * '=' anywhere (the default), '<' leading, '>' trailing; Where may combine them ('<>').
 */
export function delChr(s: string, where = '=', which = ' '): string {
  for (const c of where) {
    if (c !== '<' && c !== '>' && c !== '=') throw new AlRuntimeError(`DelChr: '${where}' is not a valid Where parameter. Use '=', '<' or '>'.`);
  }
  if (which === '') return s;
  const set = new Set(which);
  if (where.includes('=')) return [...s].filter((c) => !set.has(c)).join('');
  let start = 0;
  let end = s.length;
  if (where.includes('<')) while (start < end && set.has(s[start])) start++;
  if (where.includes('>')) while (end > start && set.has(s[end - 1])) end--;
  return s.slice(start, end);
}

/** PadStr(String, Length [, FillCharacter]): pads on the right or truncates to Length. */
export function padStr(s: string, length: number, fill = ' '): string {
  if (length < 0) throw positionError('PadStr', 'Length', length);
  if (s.length >= length) return s.slice(0, length);
  return s + (fill === '' ? ' ' : fill[0]).repeat(length - s.length);
}

/** SelectStr(Number, CommaString): the Number-th comma-separated substring (1-based). */
export function selectStr(n: number, commaString: string): string {
  const parts = commaString.split(',');
  if (n < 1 || n > parts.length) {
    throw new AlRuntimeError(`SelectStr: the string '${commaString}' has ${parts.length} substrings; ${n} is outside that range.`);
  }
  return parts[n - 1];
}

/**
 * IncStr(String [, Increase]): increments the last number in the string keeping its width where it fits
 * ('INV009' -> 'INV010', 'A99' -> 'A100'); '' when the string holds no number, as in BC.
 */
export function incStr(s: string, increase = 1): string {
  const m = /(\d+)(\D*)$/.exec(s);
  if (!m) return '';
  const digits = m[1];
  const start = m.index;
  const value = BigInt(digits) + BigInt(increase);
  if (value < 0n) return '';
  const next = value.toString().padStart(digits.length, '0');
  return s.slice(0, start) + next + m[2];
}

/** ConvertStr(String, FromCharacters, ToCharacters): character-by-character translation. */
export function convertStr(s: string, from: string, to: string): string {
  if (from.length !== to.length) {
    throw new AlRuntimeError(`ConvertStr: the FromCharacters '${from}' and ToCharacters '${to}' must have the same length.`);
  }
  let out = '';
  for (const c of s) {
    const i = from.indexOf(c);
    out += i >= 0 ? to[i] : c;
  }
  return out;
}

/**
 * StrSubstNo(String, Value1, ...): `%1`..`%n` insert the formatted values; `#1###` inserts value 1
 * padded (left-aligned) or truncated to the field's width (the '#' run's length). A placeholder without
 * a value becomes ''. Values arrive already formatted (Format of each argument).
 */
export function strSubstNo(format: string, values: string[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if ((c === '%' || c === '#') && i + 1 < format.length && format[i + 1] >= '1' && format[i + 1] <= '9') {
      let j = i + 1;
      while (j < format.length && format[j] >= '0' && format[j] <= '9') j++;
      const n = parseInt(format.slice(i + 1, j), 10);
      const value = values[n - 1] ?? '';
      if (c === '%') {
        out += value;
        i = j - 1;
      } else {
        while (j < format.length && format[j] === '#') j++;
        const width = j - i;
        out += value.length >= width ? value.slice(0, width) : value.padEnd(width, ' ');
        i = j - 1;
      }
      continue;
    }
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Text methods (Text.Contains, .Substring, ...), positions 1-based.
// ---------------------------------------------------------------------------------------------------------

export function contains(s: string, value: string): boolean {
  return s.includes(value);
}

export function startsWith(s: string, value: string): boolean {
  return s.startsWith(value);
}

export function endsWith(s: string, value: string): boolean {
  return s.endsWith(value);
}

function rangeError(method: string): AlRuntimeError {
  return new AlRuntimeError(`${method}: the index and length must refer to a location within the string.`);
}

/** Text.Substring(StartIndex [, Count]) with a 1-based StartIndex; out-of-range arguments are errors. */
export function substring(s: string, startIndex: number, count?: number): string {
  if (startIndex < 1 || startIndex > s.length + 1) throw rangeError('Substring');
  if (count === undefined) return s.slice(startIndex - 1);
  if (count < 0 || startIndex - 1 + count > s.length) throw rangeError('Substring');
  return s.slice(startIndex - 1, startIndex - 1 + count);
}

/** Text.IndexOf(Value [, StartIndex]): 1-based, 0 when absent. */
export function indexOf(s: string, value: string, startIndex = 1): number {
  if (startIndex < 1 || startIndex > s.length + 1) throw rangeError('IndexOf');
  return s.indexOf(value, startIndex - 1) + 1;
}

/** Text.LastIndexOf(Value [, StartIndex]): 1-based, searching backwards from StartIndex; 0 when absent. */
export function lastIndexOf(s: string, value: string, startIndex?: number): number {
  if (startIndex !== undefined && (startIndex < 1 || startIndex > s.length)) throw rangeError('LastIndexOf');
  const from = startIndex === undefined ? s.length : startIndex - 1;
  return s.lastIndexOf(value, from) + 1;
}

/** Text.Split([Separators]): by the given separator strings or characters; without any, by commas. */
export function split(s: string, separators?: string | string[]): string[] {
  const seps = separators === undefined ? [','] : typeof separators === 'string' ? [...separators] : separators.filter((x) => x !== '');
  if (seps.length === 0) return [s];
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < s.length;) {
    const sep = seps.find((x) => s.startsWith(x, i));
    if (sep !== undefined) {
      out.push(current);
      current = '';
      i += sep.length;
    } else {
      current += s[i++];
    }
  }
  out.push(current);
  return out;
}

/** Text.Replace(OldValue, NewValue): every occurrence (case-sensitive). */
export function replace(s: string, oldValue: string, newValue: string): string {
  if (oldValue === '') throw new AlRuntimeError('Replace: the value to replace must not be empty.');
  return s.split(oldValue).join(newValue);
}

/** .NET whitespace trimming (Trim/TrimStart/TrimEnd without characters). */
export function trim(s: string): string {
  return s.trim();
}

export function trimStart(s: string, chars?: string): string {
  if (chars === undefined || chars === '') return s.trimStart();
  let i = 0;
  while (i < s.length && chars.includes(s[i])) i++;
  return s.slice(i);
}

export function trimEnd(s: string, chars?: string): string {
  if (chars === undefined || chars === '') return s.trimEnd();
  let i = s.length;
  while (i > 0 && chars.includes(s[i - 1])) i--;
  return s.slice(0, i);
}

export function toUpper(s: string): string {
  return s.toUpperCase();
}

export function toLower(s: string): string {
  return s.toLowerCase();
}

/** Text.PadLeft(Count [, Char]): right-aligns in a field of Count characters. */
export function padLeft(s: string, count: number, char = ' '): string {
  if (count < 0) throw rangeError('PadLeft');
  return s.padStart(count, char[0] ?? ' ');
}

export function padRight(s: string, count: number, char = ' '): string {
  if (count < 0) throw rangeError('PadRight');
  return s.padEnd(count, char[0] ?? ' ');
}

/** Text.Remove(StartIndex [, Count]), 1-based. */
export function remove(s: string, startIndex: number, count?: number): string {
  if (startIndex < 1 || startIndex > s.length + 1) throw rangeError('Remove');
  if (count === undefined) return s.slice(0, startIndex - 1);
  if (count < 0 || startIndex - 1 + count > s.length) throw rangeError('Remove');
  return s.slice(0, startIndex - 1) + s.slice(startIndex - 1 + count);
}

/** Text.Insert(StartIndex, Value), 1-based. */
export function insert(s: string, startIndex: number, value: string): string {
  if (startIndex < 1 || startIndex > s.length + 1) throw rangeError('Insert');
  return s.slice(0, startIndex - 1) + value + s.slice(startIndex - 1);
}
