// ESLint flat config: typescript-eslint recommended rules plus import restrictions that enforce the layering
// described in docs/architecture.md (syntax -> analysis -> ide -> server; syntax -> runtime -> protocol <- debugAdapter;
// language (the catalogue of built-ins, the app model) below analysis and runtime, beside syntax).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['syntax', 'language', 'analysis', 'ide', 'server', 'runtime', 'protocol', 'timeline', 'debugAdapter', 'extension', 'cli'];
const editorPackages = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver', 'vscode-languageserver/*', '@vscode/debugadapter', '@vscode/debugprotocol'];

/** Which layers each layer may import; everything else under src/ is forbidden to it. */
const allowed = {
  syntax: [],
  // What AL is beside its syntax (built-ins, apps): may read the syntax layer, nothing above it.
  language: ['syntax'],
  analysis: ['syntax', 'language'],
  ide: ['syntax', 'language', 'analysis'],
  server: ['syntax', 'language', 'analysis', 'ide', 'protocol'],
  runtime: ['syntax', 'language', 'analysis', 'protocol'],
  protocol: [],
  // Pure chart rendering from timeline events, shared by the CLI and the extension.
  timeline: ['protocol'],
  debugAdapter: ['protocol'],
  // The syntax layer is pure (no I/O, no editor types): the extension reads object headers through it.
  extension: ['syntax', 'protocol', 'timeline'],
  cli: ['syntax', 'language', 'analysis', 'ide', 'runtime', 'protocol', 'timeline'],
};
/** Which editor packages each layer may import ('vscode' only in the extension). */
const allowedPackages = {
  server: ['vscode-languageserver', 'vscode-languageserver/*'],
  debugAdapter: ['@vscode/debugadapter', '@vscode/debugprotocol'],
  extension: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', '@vscode/debugprotocol'],
};

const layerConfigs = layers.map((layer) => {
  const forbiddenLayers = layers.filter((l) => l !== layer && !allowed[layer].includes(l));
  const forbiddenPackages = editorPackages.filter((p) => !(allowedPackages[layer] ?? []).includes(p));
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: forbiddenLayers.flatMap((l) => [`**/${l}`, `**/${l}/**`]), message: `The ${layer} layer may not import this layer (see docs/architecture.md).` },
          ...(forbiddenPackages.length ? [{ group: forbiddenPackages, message: `The ${layer} layer may not import editor packages.` }] : []),
        ],
      }],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'examples/**', 'test/fixtures/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-control-regex': 'off',
    },
  },
  ...layerConfigs,
);
