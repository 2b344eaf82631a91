// System.Type: what GetDotNetType(Value) and Object.GetType() return (Array.CreateInstance takes one); names only.
import { DotNetObject, dotnetType, self, tText } from '../dotnetType';

export class TypeValue extends DotNetObject {
  readonly dotnetType = 'System.Type';
  constructor(readonly fullName: string) {
    super();
  }
  override alFormat(): string {
    return this.fullName;
  }
}

export const TypeType = dotnetType('System.Type', {
  FullName: { property: true, ret: tText, fn: (s, _a, c) => self(s, TypeValue, c).fullName },
  Name: { property: true, ret: tText, fn: (s, _a, c) => self(s, TypeValue, c).fullName.split('.').pop() ?? '' },
  Namespace: { property: true, ret: tText, fn: (s, _a, c) => self(s, TypeValue, c).fullName.split('.').slice(0, -1).join('.') },
  ToString: { ret: tText, fn: (s, _a, c) => self(s, TypeValue, c).fullName },
});
