// Global system methods that belong to the platform's types: IsNull (a DotNet variable holds no instance) and
// GetDotNetType (the System.Type of a value, for Array.CreateInstance).
import { registry, tBool, type Registry } from '../interpreter/methodTypes';
import { Variant } from '../interpreter/objects';
import { isAlDecimal } from '../values/decimal';
import { describe } from './dotnet/dotnetType';
import { TypeValue } from './dotnet/types/type';

function dotnetTypeNameOf(v: unknown, staticType: string | undefined): string {
  switch (staticType) {
    case 'Text': case 'Code': case 'Label': case 'TextConst': return 'System.String';
    case 'Integer': case 'Option': case 'Enum': return 'System.Int32';
    case 'BigInteger': return 'System.Int64';
    case 'Decimal': return 'System.Decimal';
    case 'Boolean': return 'System.Boolean';
    case 'Char': return 'System.Char';
    case 'Byte': return 'System.Byte';
    case 'Guid': return 'System.Guid';
    case 'DateTime': case 'Date': return 'System.DateTime';
    case 'Duration': return 'System.TimeSpan';
  }
  if (isAlDecimal(v)) return 'System.Decimal';
  return describe(v);
}

export const platformSystemMethods: Registry = registry({
  IsNull: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, v) => { const u = v instanceof Variant ? v.value : v; return u === null || u === undefined; } },
  GetDotNetType: { ret: { name: 'DotNet', subtype: 'System.Type' }, min: 1, max: 1, impl: (_rt, ci, v) => new TypeValue(dotnetTypeNameOf(v instanceof Variant ? v.value : v, ci.argTypes[0]?.name)) },
});
