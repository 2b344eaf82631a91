// HttpContent: a body as text with its content headers (WriteFrom a Text or an InStream sets
// "Content-Type: text/plain; charset=utf-8" as BC does), read back with ReadAs into a Text or an InStream.
import { InStreamValue } from '../../interpreter/streams';
import { registry, tBool } from '../../interpreter/methodTypes';
import { str } from '../dotnet/dotnetType';
import { HttpHeadersValue } from './httpHeaders';

export class HttpContentValue {
  text = '';
  headers = new HttpHeadersValue('content');
  written = false;
}

const c = (v: unknown) => v as HttpContentValue;

function write(self: HttpContentValue, text: string): void {
  self.text = text;
  self.written = true;
  if (!self.headers.values('Content-Type').length) self.headers.add('Content-Type', 'text/plain; charset=utf-8');
}

export const httpContentMethods = registry({
  WriteFrom: {
    min: 1, max: 1, effect: true,
    impl: (_rt, _ci, self, v) => {
      if (v instanceof InStreamValue) write(c(self), (v.data ?? '').slice(v.pos));
      else write(c(self), str(v));
    },
  },
  ReadAs: {
    ret: tBool, min: 1, max: 1, refArgs: [0], effect: true,
    impl: (_rt, ci, self, ref: { v: unknown }) => {
      const t = ci.argTypes[0]?.name;
      ref.v = t === 'InStream' ? new InStreamValue(c(self).text) : c(self).text;
      return true;
    },
  },
  Clear: { max: 0, effect: true, impl: (_rt, _ci, self) => { c(self).text = ''; c(self).written = false; c(self).headers = new HttpHeadersValue('content'); } },
  GetHeaders: { ret: tBool, min: 1, max: 1, refArgs: [0], impl: (_rt, _ci, self, ref: { v: unknown }) => { ref.v = c(self).headers; return true; } },
  IsSecretContent: { ret: tBool, max: 0, impl: () => false },
});
