// System.TimeSpan: a duration in 100-ns ticks (From* factories, the Total* and component properties); AL's
// Duration is milliseconds, so a TimeSpan passed where AL expects a Duration converts through its milliseconds.
import { DotNetObject, dn, dotnetError, dotnetType, num, self, str, tBig, tDec, tInt, tText, unwrapAl, dec } from '../dotnetType';

export const TICKS_PER_MS = 10_000;

export class TimeSpanValue extends DotNetObject {
  readonly dotnetType = 'System.TimeSpan';
  constructor(readonly ticks: number) {
    super();
  }
  get ms(): number {
    return this.ticks / TICKS_PER_MS;
  }
  override alFormat(): string {
    const neg = this.ticks < 0;
    let t = Math.abs(this.ticks);
    const days = Math.floor(t / (TICKS_PER_MS * 86_400_000));
    t -= days * TICKS_PER_MS * 86_400_000;
    const h = Math.floor(t / (TICKS_PER_MS * 3_600_000));
    t -= h * TICKS_PER_MS * 3_600_000;
    const m = Math.floor(t / (TICKS_PER_MS * 60_000));
    t -= m * TICKS_PER_MS * 60_000;
    const s = Math.floor(t / (TICKS_PER_MS * 1000));
    t -= s * TICKS_PER_MS * 1000;
    const p2 = (n: number) => String(n).padStart(2, '0');
    return `${neg ? '-' : ''}${days ? days + '.' : ''}${p2(h)}:${p2(m)}:${p2(s)}${t ? '.' + String(t).padStart(7, '0') : ''}`;
  }
}

const TS = 'System.TimeSpan';
const of = (ms: number) => new TimeSpanValue(Math.round(ms * TICKS_PER_MS));
const me = (v: unknown, call: Parameters<typeof self>[2]) => self(v, TimeSpanValue, call);

export const TimeSpanType = dotnetType(TS, {
  TimeSpan: {
    static: true, ret: dn(TS),
    fn: (_s, a) => {
      const n = a.map(num);
      if (n.length === 1) return new TimeSpanValue(n[0]);
      if (n.length === 3) return of(((n[0] * 60 + n[1]) * 60 + n[2]) * 1000);
      return of((((n[0] * 24 + n[1]) * 60 + n[2]) * 60 + n[3]) * 1000 + (n[4] ?? 0));
    },
  },
  FromTicks: { static: true, ret: dn(TS), fn: (_s, [v]) => new TimeSpanValue(num(v)) },
  FromMilliseconds: { static: true, ret: dn(TS), fn: (_s, [v]) => of(num(v)) },
  FromSeconds: { static: true, ret: dn(TS), fn: (_s, [v]) => of(num(v) * 1000) },
  FromMinutes: { static: true, ret: dn(TS), fn: (_s, [v]) => of(num(v) * 60_000) },
  FromHours: { static: true, ret: dn(TS), fn: (_s, [v]) => of(num(v) * 3_600_000) },
  FromDays: { static: true, ret: dn(TS), fn: (_s, [v]) => of(num(v) * 86_400_000) },
  Zero: { static: true, property: true, ret: dn(TS), fn: () => new TimeSpanValue(0) },
  Ticks: { property: true, ret: tBig, fn: (s, _a, c) => me(s, c).ticks },
  TotalMilliseconds: { property: true, ret: tDec, fn: (s, _a, c) => dec(me(s, c).ms) },
  TotalSeconds: { property: true, ret: tDec, fn: (s, _a, c) => dec(me(s, c).ms / 1000) },
  TotalMinutes: { property: true, ret: tDec, fn: (s, _a, c) => dec(me(s, c).ms / 60_000) },
  TotalHours: { property: true, ret: tDec, fn: (s, _a, c) => dec(me(s, c).ms / 3_600_000) },
  TotalDays: { property: true, ret: tDec, fn: (s, _a, c) => dec(me(s, c).ms / 86_400_000) },
  Days: { property: true, ret: tInt, fn: (s, _a, c) => Math.trunc(me(s, c).ms / 86_400_000) },
  Hours: { property: true, ret: tInt, fn: (s, _a, c) => Math.trunc(me(s, c).ms / 3_600_000) % 24 },
  Minutes: { property: true, ret: tInt, fn: (s, _a, c) => Math.trunc(me(s, c).ms / 60_000) % 60 },
  Seconds: { property: true, ret: tInt, fn: (s, _a, c) => Math.trunc(me(s, c).ms / 1000) % 60 },
  Milliseconds: { property: true, ret: tInt, fn: (s, _a, c) => Math.trunc(me(s, c).ms) % 1000 },
  Add: { ret: dn(TS), fn: (s, [o], c) => new TimeSpanValue(me(s, c).ticks + me(o, c).ticks) },
  Subtract: { ret: dn(TS), fn: (s, [o], c) => new TimeSpanValue(me(s, c).ticks - me(o, c).ticks) },
  Negate: { ret: dn(TS), fn: (s, _a, c) => new TimeSpanValue(-me(s, c).ticks) },
  Duration: { ret: dn(TS), fn: (s, _a, c) => new TimeSpanValue(Math.abs(me(s, c).ticks)) },
  CompareTo: { ret: tInt, fn: (s, [o], c) => Math.sign(me(s, c).ticks - me(o, c).ticks) },
  ToString: { ret: tText, fn: (s, _a, c) => me(s, c).alFormat() },
  Parse: { static: true, ret: dn(TS), fn: (_s, [v], call) => { const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(str(unwrapAl(v)).trim()); if (!m) throw dotnetError('String was not recognized as a valid TimeSpan.', call); const ms = (((Number(m[2] ?? 0) * 24 + Number(m[3])) * 60 + Number(m[4])) * 60 + Number(m[5] ?? 0)) * 1000 + Number((m[6] ?? '0').padEnd(3, '0').slice(0, 3)); return of(m[1] ? -ms : ms); } },
});
