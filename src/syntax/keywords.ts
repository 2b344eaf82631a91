// Keyword recognition for the scanner: a case-insensitive lookup of a source slice without allocating strings.
import { SyntaxKind } from './syntaxKind';

/** Keyword spellings (lower case) and their kinds. */
export const keywordList: ReadonlyArray<readonly [string, SyntaxKind]> = [
  ['table', SyntaxKind.TableKeyword],
  ['tableextension', SyntaxKind.TableExtensionKeyword],
  ['page', SyntaxKind.PageKeyword],
  ['pageextension', SyntaxKind.PageExtensionKeyword],
  ['pagecustomization', SyntaxKind.PageCustomizationKeyword],
  ['pageview', SyntaxKind.PageViewKeyword],
  ['codeunit', SyntaxKind.CodeunitKeyword],
  ['report', SyntaxKind.ReportKeyword],
  ['reportextension', SyntaxKind.ReportExtensionKeyword],
  ['xmlport', SyntaxKind.XmlPortKeyword],
  ['query', SyntaxKind.QueryKeyword],
  ['enum', SyntaxKind.EnumKeyword],
  ['enumextension', SyntaxKind.EnumExtensionKeyword],
  ['interface', SyntaxKind.InterfaceKeyword],
  ['permissionset', SyntaxKind.PermissionSetKeyword],
  ['permissionsetextension', SyntaxKind.PermissionSetExtensionKeyword],
  ['profile', SyntaxKind.ProfileKeyword],
  ['profileextension', SyntaxKind.ProfileExtensionKeyword],
  ['controladdin', SyntaxKind.ControlAddInKeyword],
  ['entitlement', SyntaxKind.EntitlementKeyword],
  ['dotnet', SyntaxKind.DotNetKeyword],
  ['namespace', SyntaxKind.NamespaceKeyword],
  ['using', SyntaxKind.UsingKeyword],
  ['extends', SyntaxKind.ExtendsKeyword],
  ['implements', SyntaxKind.ImplementsKeyword],
  ['customizes', SyntaxKind.CustomizesKeyword],
  ['trigger', SyntaxKind.TriggerKeyword],
  ['procedure', SyntaxKind.ProcedureKeyword],
  ['local', SyntaxKind.LocalKeyword],
  ['internal', SyntaxKind.InternalKeyword],
  ['protected', SyntaxKind.ProtectedKeyword],
  ['var', SyntaxKind.VarKeyword],
  ['event', SyntaxKind.EventKeyword],
  ['array', SyntaxKind.ArrayKeyword],
  ['of', SyntaxKind.OfKeyword],
  ['temporary', SyntaxKind.TemporaryKeyword],
  ['begin', SyntaxKind.BeginKeyword],
  ['end', SyntaxKind.EndKeyword],
  ['if', SyntaxKind.IfKeyword],
  ['then', SyntaxKind.ThenKeyword],
  ['else', SyntaxKind.ElseKeyword],
  ['case', SyntaxKind.CaseKeyword],
  ['while', SyntaxKind.WhileKeyword],
  ['do', SyntaxKind.DoKeyword],
  ['repeat', SyntaxKind.RepeatKeyword],
  ['until', SyntaxKind.UntilKeyword],
  ['for', SyntaxKind.ForKeyword],
  ['foreach', SyntaxKind.ForEachKeyword],
  ['to', SyntaxKind.ToKeyword],
  ['downto', SyntaxKind.DownToKeyword],
  ['with', SyntaxKind.WithKeyword],
  ['exit', SyntaxKind.ExitKeyword],
  ['asserterror', SyntaxKind.AssertErrorKeyword],
  ['break', SyntaxKind.BreakKeyword],
  ['continue', SyntaxKind.ContinueKeyword],
  ['and', SyntaxKind.AndKeyword],
  ['or', SyntaxKind.OrKeyword],
  ['xor', SyntaxKind.XorKeyword],
  ['not', SyntaxKind.NotKeyword],
  ['div', SyntaxKind.DivKeyword],
  ['mod', SyntaxKind.ModKeyword],
  ['in', SyntaxKind.InKeyword],
  ['is', SyntaxKind.IsKeyword],
  ['as', SyntaxKind.AsKeyword],
  ['true', SyntaxKind.TrueKeyword],
  ['false', SyntaxKind.FalseKeyword],
  ['this', SyntaxKind.ThisKeyword],
];

const TABLE_BITS = 9;
const TABLE_SIZE = 1 << TABLE_BITS;
const MASK = TABLE_SIZE - 1;
/** Open-addressed table: slot -> index+1 into keywordList (0 = empty). */
const slots = new Int32Array(TABLE_SIZE);
const maxKeywordLength = Math.max(...keywordList.map(([w]) => w.length));

/** Hash step shared with the scanner: h = h * 31 + (c | 32), kept in 32 bits. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 32)) | 0;
}

function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
  return h;
}

for (let i = 0; i < keywordList.length; i++) {
  let slot = hashWord(keywordList[i][0]) & MASK;
  while (slots[slot] !== 0) slot = (slot + 1) & MASK;
  slots[slot] = i + 1;
}

/**
 * The keyword kind of text[start, start+length) given its hash (see hashStep), or Identifier.
 * Compares with ASCII case folding against the source; allocates nothing.
 */
export function lookupKeyword(text: string, start: number, length: number, hash: number): SyntaxKind {
  if (length < 2 || length > maxKeywordLength) return SyntaxKind.Identifier;
  let slot = hash & MASK;
  for (;;) {
    const entry = slots[slot];
    if (entry === 0) return SyntaxKind.Identifier;
    const word = keywordList[entry - 1][0];
    if (word.length === length) {
      let i = 0;
      while (i < length && (text.charCodeAt(start + i) | 32) === word.charCodeAt(i)) i++;
      if (i === length) return keywordList[entry - 1][1];
    }
    slot = (slot + 1) & MASK;
  }
}
