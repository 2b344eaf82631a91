// The `al-session-lab builtins` command (see docs/cli.md): prints the catalogue of AL built-ins and which entries
// the runtime implements, the checklist of what the runtime still lacks (`--unimplemented`).
import { CliError, parseArgs, type CommandContext } from '../cliSupport';
import { catalogue, signatureText } from '../../language/builtins';
import { implementedBuiltins } from '../../runtime/interpreter/registries';

export async function builtinsCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: ['unimplemented', 'json'] });
  if (args.positional.length) throw new CliError(`builtins takes no arguments, got '${args.positional[0]}'`);
  const implemented = implementedBuiltins();
  const all = catalogue().entries;
  const entries = args.booleans.has('unimplemented') ? all.filter((e) => !implemented.has(e.key)) : all;
  if (args.booleans.has('json')) {
    const list = entries.map((e) => ({
      receiver: e.receiver,
      name: e.name,
      kind: e.kind,
      static: e.static,
      global: e.global,
      signature: signatureText(e),
      overloads: e.overloads.map((o) => ({ params: o.params.map((p) => ({ name: p.name, type: p.type, var: p.byRef, optional: p.optional })), returns: o.returns ?? null })),
      implemented: implemented.has(e.key),
      facts: [...e.facts],
    }));
    ctx.stdout(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  let receiver = '';
  for (const e of entries) {
    if (e.receiver !== receiver) {
      receiver = e.receiver;
      ctx.stdout(`\n${receiver}\n`);
    }
    const facts = e.facts.size ? `  [${[...e.facts].join(', ')}]` : '';
    const mark = implemented.has(e.key) ? 'implemented' : 'not implemented';
    const [first, ...rest] = signatureText(e).split('\n');
    ctx.stdout(`  ${first}   ${mark}${facts}\n`);
    for (const r of rest) ctx.stdout(`  ${r}\n`);
  }
  const done = all.filter((e) => implemented.has(e.key)).length;
  ctx.stdout(`\n${all.length} built-ins in the catalogue: ${done} implemented by the runtime, ${all.length - done} not${args.booleans.has('unimplemented') ? ' (listed above)' : ''}.\n`);
  return 0;
}
