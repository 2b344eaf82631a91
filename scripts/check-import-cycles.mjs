// Finds value-import cycles among the TypeScript files under a folder (default: src). Type-only imports
// (`import type`, `import { type A }` with every specifier type-only, `export type ... from`) are erased at
// build time, so they may cycle; every other relative import or re-export is an edge. Prints each strongly
// connected component of more than one file and exits 1 if there is any.
// Usage: node scripts/check-import-cycles.mjs [folder] [--json]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const json = args.includes('--json');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'src');

/** Every .ts file under dir. */
function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The file a relative module specifier names (foo -> foo.ts or foo/index.ts), or undefined. */
function resolve(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return undefined;
}

/** Whether an import or export declaration is erased at build time. */
function typeOnly(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // a side-effect import runs the module
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const nb = clause.namedBindings;
    if (!nb || ts.isNamespaceImport(nb)) return false;
    return nb.elements.length > 0 && nb.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const ec = node.exportClause;
    return !!ec && ts.isNamedExports(ec) && ec.elements.length > 0 && ec.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

const files = listFiles(root);
const edges = new Map();
for (const f of files) {
  const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
  const to = new Set();
  for (const st of sf.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (typeOnly(st)) continue;
      const target = resolve(f, st.moduleSpecifier.text);
      if (target && target.startsWith(root + path.sep)) to.add(target);
    }
  }
  edges.set(f, to);
}

// Tarjan's strongly connected components.
let index = 0;
const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], sccs = [];
function visit(v) {
  idx.set(v, index); low.set(v, index); index++;
  stack.push(v); onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const scc = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); scc.push(w); } while (w !== v);
    if (scc.length > 1) sccs.push(scc.map((p) => path.relative(process.cwd(), p)).sort());
  }
}
for (const f of files) if (!idx.has(f)) visit(f);

if (json) console.log(JSON.stringify({ root: path.relative(process.cwd(), root), files: files.length, cycles: sccs }, null, 2));
else {
  console.log(`${files.length} files under ${path.relative(process.cwd(), root) || '.'}: ${sccs.length} value-import cycle(s)`);
  for (const s of sccs) console.log(`  cycle of ${s.length}: ${s.join(', ')}`);
}
process.exitCode = sccs.length ? 1 : 0;
