// The set of procedures that can reach StartSession for BG0008/13/14: computed once, then reused across edits that
// cannot change it (the edited file's old and new text mention neither StartSession nor a name of the set).
import { reachers, relevantText, type Reacher } from '../model/reachers';
import type { Workspace } from '../model/workspace';
import { factKeyword, theBuiltinWith } from '../../language/builtins';

interface Cached {
  version: number;
  map: Map<string, Reacher>;
  relevant: RegExp;
}

const cache = new WeakMap<Workspace, Cached>();

export function startSessionReachers(ws: Workspace): Map<string, Reacher> {
  const hit = cache.get(ws);
  if (hit && hit.version === ws.version) return hit.map;
  if (hit && unaffected(ws, hit)) {
    hit.version = ws.version;
    return hit.map;
  }
  // Through calls only helpers that start a session on every call count (see BG0008.md): conditional starts deep in
  // shared code (feature telemetry, analysis views) are decisions of that code.
  const keyword = factKeyword('startsSession');
  const map = reachers(ws, theBuiltinWith('startsSession').key, keyword, true);
  cache.set(ws, { version: ws.version, map, relevant: relevantText(map, keyword) });
  return map;
}

function unaffected(ws: Workspace, hit: Cached): boolean {
  const changes = ws.changesSince(hit.version);
  if (!changes) return false;
  return changes.every((c) => !(c.old && hit.relevant.test(c.old.text)) && !(c.now && hit.relevant.test(c.now.text)));
}
