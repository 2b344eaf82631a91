// System.Text.RegularExpressions Match, Group, Capture and their collections (MatchCollection, GroupCollection,
// CaptureCollection): what Regex.Match/Matches return, enumerable with foreach, indexed with Item.
import { DotNetObject, dn, dotnetError, dotnetType, num, self, str, tBool, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';
import { expandReplacement, type TranslatedRegex } from './regexTranslate';

const NS = 'System.Text.RegularExpressions';

export class CaptureValue extends DotNetObject {
  readonly dotnetType: string = `${NS}.Capture`;
  constructor(
    readonly value: string,
    readonly index: number,
  ) {
    super();
  }
  override alFormat(): string {
    return this.value;
  }
}

export class GroupValue extends CaptureValue {
  override readonly dotnetType: string = `${NS}.Group`;
  constructor(
    value: string,
    index: number,
    readonly success: boolean,
    readonly name: string,
  ) {
    super(value, index);
  }
}

export class MatchValue extends GroupValue {
  override readonly dotnetType: string = `${NS}.Match`;
  constructor(
    readonly m: RegExpExecArray | null,
    readonly t: TranslatedRegex,
    readonly input: string,
    /** Finds the match after this one (Match.NextMatch). */
    readonly next: () => MatchValue,
  ) {
    super(m ? m[0] : '', m ? m.index : 0, !!m, '0');
  }
  groups(): GroupValue[] {
    const m = this.m;
    return this.t.jsIndex.map((js, n) => {
      const v = m ? m[js] : undefined;
      const at = m?.indices?.[js];
      return new GroupValue(v ?? '', at ? at[0] : 0, v !== undefined, this.t.names[n]);
    });
  }
}

export class MatchCollectionValue extends DotNetObject {
  readonly dotnetType = `${NS}.MatchCollection`;
  constructor(readonly items: MatchValue[]) {
    super();
  }
  alEnumerate(): Iterable<unknown> {
    return this.items.slice();
  }
}

export class GroupCollectionValue extends DotNetObject {
  readonly dotnetType = `${NS}.GroupCollection`;
  constructor(readonly items: GroupValue[]) {
    super();
  }
  alEnumerate(): Iterable<unknown> {
    return this.items.slice();
  }
}

export class CaptureCollectionValue extends DotNetObject {
  readonly dotnetType = `${NS}.CaptureCollection`;
  constructor(readonly items: CaptureValue[]) {
    super();
  }
  alEnumerate(): Iterable<unknown> {
    return this.items.slice();
  }
}

const outOfRange = (call: DotNetCall) => dotnetError(`Specified argument was out of the range of valid values. (Parameter 'i')`, call);

function captureMembers(cls: abstract new (...a: any[]) => CaptureValue) {
  return {
    Value: { property: true, ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).value },
    Index: { property: true, ret: tInt, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).index },
    Length: { property: true, ret: tInt, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).value.length },
    ToString: { ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).value },
  };
}

function groupMembers(cls: abstract new (...a: any[]) => GroupValue) {
  return {
    ...captureMembers(cls),
    Success: { property: true, ret: tBool, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).success },
    Name: { property: true, ret: tText, fn: (s: unknown, _a: unknown[], call: DotNetCall) => self(s, cls, call).name },
    Captures: { property: true, ret: dn(`${NS}.CaptureCollection`), fn: (s: unknown, _a: unknown[], call: DotNetCall) => { const g = self(s, cls, call); return new CaptureCollectionValue(g.success ? [new CaptureValue(g.value, g.index)] : []); } },
  };
}

export const CaptureType = dotnetType(`${NS}.Capture`, captureMembers(CaptureValue));
export const GroupType = dotnetType(`${NS}.Group`, groupMembers(GroupValue));
export const MatchType = dotnetType(`${NS}.Match`, {
  ...groupMembers(MatchValue),
  Groups: { property: true, ret: dn(`${NS}.GroupCollection`), fn: (s, _a, call) => new GroupCollectionValue(self(s, MatchValue, call).groups()) },
  NextMatch: { ret: dn(`${NS}.Match`), fn: (s, _a, call) => self(s, MatchValue, call).next() },
  Result: {
    ret: tText,
    fn: (s, [tpl], call) => {
      const m = self(s, MatchValue, call);
      if (!m.m) throw dotnetError('Result cannot be called on a failed Match.', call);
      return expandReplacement(str(tpl), m.m, m.t, m.input);
    },
  },
  Empty: { static: true, property: true, ret: dn(`${NS}.Match`), fn: () => new MatchValue(null, { re: /$^/, jsIndex: [0], names: ['0'] }, '', () => { throw new Error('no match'); }) },
});

export const MatchCollectionType = dotnetType(`${NS}.MatchCollection`, {
  Count: { property: true, ret: tInt, fn: (s, _a, call) => self(s, MatchCollectionValue, call).items.length },
  Item: { ret: dn(`${NS}.Match`), fn: (s, [i], call) => { const c = self(s, MatchCollectionValue, call); const n = num(i); if (n < 0 || n >= c.items.length) throw outOfRange(call); return c.items[n]; } },
});

export const GroupCollectionType = dotnetType(`${NS}.GroupCollection`, {
  Count: { property: true, ret: tInt, fn: (s, _a, call) => self(s, GroupCollectionValue, call).items.length },
  Item: {
    ret: dn(`${NS}.Group`),
    fn: (s, [i], call) => {
      const c = self(s, GroupCollectionValue, call);
      const k = unwrapAl(i);
      // An unknown group number or name gives an empty, unsuccessful group (as .NET does).
      const g = typeof k === 'number' ? c.items[k] : c.items.find((x) => x.name === str(k));
      return g ?? new GroupValue('', 0, false, typeof k === 'number' ? String(k) : str(k));
    },
  },
  Keys: { property: true, ret: dn('System.Array'), fn: (s, _a, call) => self(s, GroupCollectionValue, call).items.map((g) => g.name) },
});

export const CaptureCollectionType = dotnetType(`${NS}.CaptureCollection`, {
  Count: { property: true, ret: tInt, fn: (s, _a, call) => self(s, CaptureCollectionValue, call).items.length },
  Item: { ret: dn(`${NS}.Capture`), fn: (s, [i], call) => { const c = self(s, CaptureCollectionValue, call); const n = num(i); if (n < 0 || n >= c.items.length) throw outOfRange(call); return c.items[n]; } },
});
