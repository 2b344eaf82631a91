// The set of procedures that can reach StartSession, computed once per workspace version for BG0008/13/14.
import { reachers, type Reacher } from '../model/reachers';
import type { Workspace } from '../model/workspace';

const cache = new WeakMap<Workspace, { version: number; map: Map<string, Reacher> }>();

export function startSessionReachers(ws: Workspace): Map<string, Reacher> {
  const hit = cache.get(ws);
  if (hit && hit.version === ws.version) return hit.map;
  // Through calls only helpers that start a session on every call count (see BG0008.md): conditional starts deep in
  // shared code (feature telemetry, analysis views) are decisions of that code.
  const map = reachers(ws, 'session.startsession', /startsession/i, true);
  cache.set(ws, { version: ws.version, map });
  return map;
}
