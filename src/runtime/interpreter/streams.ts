// Blob fields and InStream/OutStream, text content only: Blob.CreateOutStream/CreateInStream/HasValue/Length,
// OutStream.WriteText/Write, InStream.ReadText/Read/EOS, CopyStream. A Blob's content is kept as a string in
// the field (binary data, Import/Export and encodings other than text are not modelled).
import { AlError } from './errors';
import { registry, tBool, tInt, type CallInfo } from './methodTypes';
import type { Rt } from './rt';
import { toSourceLocation } from './model';
import type { AlRecord } from './record';
import { Variant } from './objects';
import { fmt } from './display';

/** A Blob field of a record variable (what `Rec.BlobField` denotes when a Blob method is called on it). */
export class BlobRef {
  constructor(
    readonly rec: AlRecord,
    readonly fieldId: number,
  ) {}
  get content(): string {
    const v = this.rec.values.get(this.fieldId);
    return typeof v === 'string' ? v : '';
  }
  set content(s: string) {
    this.rec.values.set(this.fieldId, s);
  }
}

export class OutStreamValue {
  constructor(readonly sink?: { append(s: string): void }) {}
}

export class InStreamValue {
  pos = 0;
  constructor(readonly data?: string) {}
}

const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function out(o: unknown, ci: CallInfo): { append(s: string): void } {
  if (o instanceof OutStreamValue && o.sink) return o.sink;
  throw new AlError('The OutStream is not initialized (create it with CreateOutStream).', '', where(ci));
}

function inp(i: unknown, ci: CallInfo): InStreamValue & { data: string } {
  if (i instanceof InStreamValue && i.data !== undefined) return i as InStreamValue & { data: string };
  throw new AlError('The InStream is not initialized (create it with CreateInStream).', '', where(ci));
}

export const blobMethods = registry({
  CreateOutStream: {
    refArgs: [0], min: 1, max: 2, effect: true,
    impl: (_rt: Rt, _ci, b: BlobRef, ref: { v: unknown }) => {
      b.content = '';
      ref.v = new OutStreamValue({ append: (s) => (b.content = b.content + s) });
    },
  },
  CreateInStream: { refArgs: [0], min: 1, max: 2, effect: true, impl: (_rt: Rt, _ci, b: BlobRef, ref: { v: unknown }) => void (ref.v = new InStreamValue(b.content)) },
  HasValue: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, b: BlobRef) => b.content.length > 0 },
  Length: { ret: tInt, max: 0, impl: (_rt: Rt, _ci, b: BlobRef) => b.content.length },
});

export const outStreamMethods = registry({
  // WriteText() without a text writes a line break, as BC does.
  WriteText: { ret: tInt, max: 2, effect: true, impl: (_rt: Rt, ci, o: OutStreamValue, t: unknown = '\r\n', n?: unknown) => { let s = String(t instanceof Variant ? t.value : t); if (n !== undefined) s = s.slice(0, Number(n)); out(o, ci).append(s); return s.length; } },
  Write: { ret: tInt, min: 1, max: 2, effect: true, impl: (rt: Rt, ci, o: OutStreamValue, v) => { const s = typeof v === 'string' ? v : fmt(rt, v, ci.argTypes[0], 0, 9); out(o, ci).append(s); return s.length; } },
});

export const inStreamMethods = registry({
  ReadText: {
    refArgs: [0], ret: tInt, min: 1, max: 2, effect: true,
    impl(_rt: Rt, ci, i: InStreamValue, ref: { v: unknown }, n?: unknown) {
      const s = inp(i, ci);
      let end = s.data.length;
      if (n !== undefined) end = Math.min(end, s.pos + Number(n));
      else {
        // ReadText without a length reads one line.
        const nl = s.data.indexOf('\n', s.pos);
        if (nl >= 0) end = nl;
      }
      let text = s.data.slice(s.pos, end);
      const consumed = end - s.pos + (n === undefined && end < s.data.length ? 1 : 0);
      s.pos += consumed;
      if (text.endsWith('\r')) text = text.slice(0, -1);
      ref.v = text;
      return consumed;
    },
  },
  Read: { refArgs: [0], ret: tInt, min: 1, max: 2, effect: true, impl: (_rt: Rt, ci, i: InStreamValue, ref: { v: unknown }) => { const s = inp(i, ci); const text = s.data.slice(s.pos); s.pos = s.data.length; ref.v = text; return text.length; } },
  EOS: { ret: tBool, max: 0, impl: (_rt: Rt, ci, i: InStreamValue) => { const s = inp(i, ci); return s.pos >= s.data.length; } },
  Length: { ret: tInt, max: 0, impl: (_rt: Rt, ci, i: InStreamValue) => inp(i, ci).data.length },
  Position: { ret: tInt, max: 1, impl: (_rt: Rt, ci, i: InStreamValue, p?: unknown) => { const s = inp(i, ci); if (p !== undefined) s.pos = Number(p) - 1; return s.pos + 1; } },
  ResetPosition: { max: 0, impl: (_rt: Rt, ci, i: InStreamValue) => void (inp(i, ci).pos = 0) },
});

/** CopyStream(OutStream, InStream [, Bytes]) */
export function copyStream(_rt: Rt, ci: CallInfo, o: unknown, i: unknown, n?: unknown): boolean {
  const s = inp(i, ci);
  const end = n === undefined ? s.data.length : Math.min(s.data.length, s.pos + Number(n));
  out(o, ci).append(s.data.slice(s.pos, end));
  s.pos = end;
  return true;
}
