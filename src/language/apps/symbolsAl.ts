// Declarations from SymbolReference.json, written as AL text the parser reads like any source: a symbols-only
// package (no src/ inside) still gives its tables (fields with types, FlowField formulas, keys), enums, pages with
// their fields, and codeunit/table procedure signatures and events. Procedures get an empty body; the runtime knows
// the file is symbols-only and raises "no source" when one is called (events still run their subscribers).
import { readProperties, str, type PackageObject } from './appPackage';

/** The AL text of one package object, or undefined for kinds that have no AL declaration here. */
export function symbolsToAl(o: PackageObject): string | undefined {
  const raw = o.raw;
  const props = readProperties(raw.Properties);
  const head = (kw: string) => `${o.namespace ? `namespace ${o.namespace};\n\n` : ''}${kw} ${o.id ? `${o.id} ` : ''}${q(o.name)}${o.target ? ` extends ${q(o.target)}` : ''}\n{\n`;
  const propLines = (keep: string[]) => keep.filter((k) => props.has(k)).map((k) => `    ${propName(k)} = ${propValue(k, props.get(k)!)};\n`).join('');
  switch (o.kind) {
    case 'table':
    case 'tableextension': {
      const fields = list(raw.Fields).map((f) => {
        const fp = readProperties(f.Properties);
        const inner = ['fieldclass', 'calcformula', 'optionmembers', 'initvalue', 'editable', 'caption']
          .filter((k) => fp.has(k))
          .map((k) => `            ${propName(k)} = ${propValue(k, fp.get(k)!)};\n`).join('');
        return `        field(${num(f.Id)}; ${q(str(f.Name))}; ${typeText(f.TypeDefinition, fp)})\n        {\n${inner}        }\n`;
      });
      const keys = list(raw.Keys).map((k, i) => `        key(${q(str(k.Name) || `Key${i + 1}`)}; ${(Array.isArray(k.FieldNames) ? k.FieldNames : []).map((n) => q(str(n))).join(', ')})\n        {\n        }\n`);
      return `${head(o.kind)}${propLines(['caption', 'tabletype', 'datapercompany', 'obsoletestate', 'access'])}    fields\n    {\n${fields.join('')}    }\n${keys.length && o.kind === 'table' ? `    keys\n    {\n${keys.join('')}    }\n` : ''}${methods(raw)}}\n`;
    }
    case 'enum':
    case 'enumextension': {
      const values = list(raw.Values).map((v) => {
        const vp = readProperties(v.Properties);
        return `    value(${num(v.Ordinal ?? v.Id)}; ${q(str(v.Name))})\n    {\n${vp.has('caption') ? `        Caption = ${propValue('caption', vp.get('caption')!)};\n` : ''}    }\n`;
      });
      return `${head(o.kind === 'enum' ? 'enum' : 'enumextension')}${propLines(['extensible', 'caption'])}${values.join('')}}\n`;
    }
    case 'codeunit':
      return `${head('codeunit')}${propLines(['subtype', 'tableno', 'singleinstance', 'access', 'eventsubscriberinstance'])}${methods(raw)}}\n`;
    case 'page': {
      const fields: string[] = [];
      const visit = (cs: Record<string, unknown>[]) => {
        for (const c of cs) {
          const cp = readProperties(c.Properties);
          const source = cp.get('sourceexpr') ?? cp.get('sourceexpression');
          if (source && str(c.Name)) fields.push(`            field(${q(str(c.Name))}; ${source})\n            {\n            }\n`);
          visit(list(c.Controls));
        }
      };
      visit(list(raw.Controls));
      return `${head('page')}${propLines(['pagetype', 'sourcetable', 'caption', 'editable', 'sourcetabletemporary'])}${fields.length ? `    layout\n    {\n        area(Content)\n        {\n${fields.join('')}        }\n    }\n` : ''}${methods(raw)}}\n`;
    }
    case 'interface':
      return `${head('interface')}${list(raw.Methods).map((m) => `    procedure ${q(str(m.Name))}(${params(m)})${returns(m)};\n`).join('')}}\n`;
    default:
      return undefined;
  }
}

function methods(raw: Record<string, unknown>): string {
  return list(raw.Methods).map((m) => {
    const attrs = list(m.Attributes).map((a) => `    [${str(a.Name)}(${list(a.Arguments).map((x) => argText(x)).join(', ')})]\n`).join('');
    const scope = m.IsLocal ? 'local ' : m.IsInternal ? 'internal ' : '';
    return `${attrs}    ${scope}procedure ${q(str(m.Name))}(${params(m)})${returns(m)}\n    begin\n    end;\n\n`;
  }).join('');
}

function params(m: Record<string, unknown>): string {
  return list(m.Parameters).map((p) => `${p.IsVar ? 'var ' : ''}${q(str(p.Name))}: ${typeText(p.TypeDefinition, new Map())}`).join('; ');
}

function returns(m: Record<string, unknown>): string {
  const r = m.ReturnTypeDefinition;
  if (!r || typeof r !== 'object' || !str((r as Record<string, unknown>).Name)) return '';
  return `: ${typeText(r, new Map())}`;
}

function argText(x: Record<string, unknown>): string {
  const v = x.Value;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  const s = str(v);
  return /^(true|false|-?\d+)$/i.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

/** A TypeDefinition as AL type text: `Code[20]`, `Record "Customer" temporary`, `List of [Text]`, `Enum "X"`. */
export function typeText(def: unknown, fieldProps: Map<string, string>): string {
  if (!def || typeof def !== 'object') return 'Integer';
  const d = def as Record<string, unknown>;
  let name = str(d.Name) || 'Integer';
  const sub = d.Subtype && typeof d.Subtype === 'object' ? str((d.Subtype as Record<string, unknown>).Name) : '';
  const args = list(d.TypeArguments);
  if (args.length) return `${name} of [${args.map((a) => typeText(a, new Map())).join(', ')}]`;
  if (sub) return `${name} ${q(sub)}${d.Temporary ? ' temporary' : ''}`;
  const length = fieldProps.get('length') ?? (typeof d.Length === 'number' ? String(d.Length) : '');
  if (/^(Code|Text)$/i.test(name) && length) name = `${name}[${length}]`;
  return name;
}

function propName(k: string): string {
  return ({ fieldclass: 'FieldClass', calcformula: 'CalcFormula', optionmembers: 'OptionMembers', initvalue: 'InitValue', editable: 'Editable', caption: 'Caption', tabletype: 'TableType', datapercompany: 'DataPerCompany', obsoletestate: 'ObsoleteState', access: 'Access', extensible: 'Extensible', subtype: 'Subtype', tableno: 'TableNo', singleinstance: 'SingleInstance', eventsubscriberinstance: 'EventSubscriberInstance', pagetype: 'PageType', sourcetable: 'SourceTable', sourcetabletemporary: 'SourceTableTemporary' } as Record<string, string>)[k] ?? k;
}

/** Captions and option members are texts in AL; the rest (formulas, names, booleans) are written as they come. */
function propValue(k: string, v: string): string {
  if (k === 'caption') return `'${v.replace(/'/g, "''")}'`;
  if (k === 'sourcetable' || k === 'tableno') return /^\d+$/.test(v) ? v : q(v);
  if (k === 'optionmembers') return `${v.split(',').map((m) => (/^[A-Za-z_]\w*$/.test(m.trim()) || m.trim() === '' ? m.trim() : q(m.trim()))).join(',')}`;
  return v;
}

function q(name: string): string {
  return `"${name.replace(/"/g, '')}"`;
}

function num(v: unknown): string {
  return typeof v === 'number' ? String(v) : String(parseInt(str(v), 10) || 0);
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
}
