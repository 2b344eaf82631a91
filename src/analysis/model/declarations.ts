// A file's declarations as one comparable string: what other files can see of it (objects, properties, globals,
// procedure signatures). Two models with the same signature differ only in bodies and locals, so an edit that keeps it
// cannot change how calls in other files resolve; the incremental workspace rules rely on that.
import type { AlFileModel, AlObject, Procedure } from './ir';
import type { FileChange, Workspace } from './workspace';

const signatures = new WeakMap<AlFileModel, string>();

export function declarationSignature(file: AlFileModel): string {
  let s = signatures.get(file);
  if (s === undefined) {
    s = file.objects.map(objectSignature).join('\n');
    signatures.set(file, s);
  }
  return s;
}

function objectSignature(o: AlObject): string {
  const props = [...o.properties].map(([k, v]) => `${k}=${v.value}`).join(';');
  const globals = o.globals.map((g) => `${g.name}:${g.type.text}`).join(';');
  // Bodies are not read here: with lazy bodies that would parse the file again.
  const procs = o.procedures.map(procedureSignature).join(';');
  return `${o.kind}|${o.id}|${o.namespace}|${o.name}|${o.extends ?? ''}|${o.implements.join(',')}|${props}|${globals}|${procs}`;
}

function procedureSignature(p: Procedure): string {
  const host = p.host ? `${p.host.kind}:${p.host.name}:${p.host.sourceExpr ?? ''}` : '';
  const params = p.params.map((x) => `${x.isVar ? 'var ' : ''}${x.name}:${x.type.text}`).join(',');
  const sub = p.subscribes ? `${p.subscribes.objectKind}:${p.subscribes.object}:${p.subscribes.event}` : '';
  return `${p.isTrigger ? 't' : 'p'}${p.isLocal ? 'l' : ''} ${p.name}@${host}(${params}):${p.returnName ?? ''} ${p.returnType?.text ?? ''}[${p.attributes.join(',')}]${sub}`;
}

/** Whether a change replaced a file's bodies only (same path, same declarations). */
export function isBodyOnly(c: FileChange): boolean {
  return c.old?.signature !== undefined && c.old.signature === c.now?.signature;
}

const epochs = new WeakMap<Workspace, { version: number; epoch: number }>();

/**
 * A counter that moves only when some file's declarations change (a file added, removed, or its signature changed):
 * results that depend on other files only through name resolution stay valid while it holds still.
 */
export function declarationEpoch(ws: Workspace): number {
  let e = epochs.get(ws);
  if (!e) {
    e = { version: ws.version, epoch: 0 };
    epochs.set(ws, e);
    return e.epoch;
  }
  if (e.version !== ws.version) {
    const changes = ws.changesSince(e.version);
    if (!changes || !changes.every(isBodyOnly)) e.epoch++;
    e.version = ws.version;
  }
  return e.epoch;
}
