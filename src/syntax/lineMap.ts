// Offset <-> (line, character) conversion over a text, 0-based as in LSP. Line breaks: \r\n, \n, \r.

export interface LineCharacter {
  line: number;
  character: number;
}

export class LineMap {
  /** Offset of the first character of each line. */
  readonly lineStarts: Int32Array;
  readonly length: number;

  constructor(text: string) {
    const starts: number[] = [0];
    const len = text.length;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) starts.push(i + 1);
    }
    this.lineStarts = Int32Array.from(starts);
    this.length = len;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 0-based line and character (UTF-16 units) of an offset; offsets are clamped into the text. */
  position(offset: number): LineCharacter {
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  /** The offset of a 0-based line and character; clamped to the line's extent and the text. */
  offset(line: number, character: number): number {
    const starts = this.lineStarts;
    if (line < 0) return 0;
    if (line >= starts.length) return this.length;
    const lineStart = starts[line];
    const next = line + 1 < starts.length ? starts[line + 1] : this.length;
    const o = lineStart + Math.max(0, character);
    return o > next ? next : o;
  }
}
