// Loads syntaxes/al.tmLanguage.json with vscode-textmate and the Oniguruma WebAssembly build, as VS Code does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = join(__dirname, '..', '..');
let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  }
  return onigReady;
}

/** The AL grammar as VS Code would load it (scope source.al); `rawJson` replaces the file (tests of the tests). */
export async function loadAlGrammar(rawJson?: string): Promise<vsctm.IGrammar> {
  await loadOniguruma();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'source.al') return null;
      const path = join(root, 'syntaxes', 'al.tmLanguage.json');
      return vsctm.parseRawGrammar(rawJson ?? readFileSync(path, 'utf8'), path);
    },
  });
  const grammar = await registry.loadGrammar('source.al');
  if (!grammar) throw new Error('syntaxes/al.tmLanguage.json did not load as source.al');
  return grammar;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes AL source line by line, carrying the rule stack across lines; returns the tokens of every line. */
export function tokenize(grammar: vsctm.IGrammar, source: string): Token[][] {
  let stack = vsctm.INITIAL;
  return source.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
