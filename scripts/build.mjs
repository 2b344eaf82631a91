// Builds one esbuild bundle per process: extension, language server, debug adapter, CLI/runtime host.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Each entry is a separate process in the shipped product. */
const entries = {
  extension: 'src/extension/extension.ts',
  server: 'src/server/server.ts',
  // The language server's analysis worker thread (loaded by dist/server.js from the same folder).
  analysisWorker: 'src/server/analysisWorker.ts',
  debugAdapter: 'src/debugAdapter/debugAdapter.ts',
  cli: 'src/cli/cli.ts',
};

const options = {
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  // 'vscode' is provided by the editor at run time and must never be bundled.
  external: ['vscode'],
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching src/ for changes');
} else {
  const started = Date.now();
  await esbuild.build(options);
  console.log(`esbuild: built ${Object.keys(entries).length} bundles into dist/ in ${Date.now() - started} ms`);
}
