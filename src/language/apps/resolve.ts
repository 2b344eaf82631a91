// Dependency resolution as the AL compiler does it: `dependencies` by id (name and publisher when a dependency has
// no id or no app has it), `application` brings Microsoft's application apps, `platform` is the runtime itself.
// Candidates are searched in the order given (workspace folders, dependency sources, package caches): the first
// that has the id wins. Returns the apps in load order (every app after its dependencies).
import { compareVersions, MICROSOFT_APPS, type AppDependency, type AppManifest } from './appJson';
import type { AppSource } from './discover';
import { DependencyError, type LoadFinding } from './findings';

export interface Resolution {
  /** Dependencies first, the roots last. */
  apps: AppSource[];
  findings: LoadFinding[];
}

export function describeApp(m: { name: string; publisher: string; id: string; version: string }): string {
  return `"${m.name}"${m.publisher ? ` by ${m.publisher}` : ''}${m.id ? ` (id ${m.id}${m.version ? `, version ${m.version}` : ''})` : m.version ? ` (version ${m.version})` : ''}`;
}

/** The dependencies an app declares, with `application` expanded. */
export function declaredDependencies(m: AppManifest, candidates: readonly AppSource[]): AppDependency[] {
  const deps = [...m.dependencies];
  if (m.application) {
    const v = m.application;
    const known = (id: string) => deps.some((d) => d.id === id);
    // The "Application" app, where a package cache has it, brings the rest; else the three apps it stands for.
    if (candidates.some((c) => c.manifest.id === MICROSOFT_APPS.application)) {
      if (!known(MICROSOFT_APPS.application)) deps.push({ id: MICROSOFT_APPS.application, name: 'Application', publisher: 'Microsoft', version: v });
    } else {
      if (!known(MICROSOFT_APPS.systemApplication)) deps.push({ id: MICROSOFT_APPS.systemApplication, name: 'System Application', publisher: 'Microsoft', version: v });
      if (!known(MICROSOFT_APPS.businessFoundation)) deps.push({ id: MICROSOFT_APPS.businessFoundation, name: 'Business Foundation', publisher: 'Microsoft', version: v });
      if (!known(MICROSOFT_APPS.baseApplication)) deps.push({ id: MICROSOFT_APPS.baseApplication, name: 'Base Application', publisher: 'Microsoft', version: v });
    }
  }
  return deps;
}

/**
 * Resolves the roots' dependencies among the candidates. `lookedIn` names the places searched, for the message of a
 * missing dependency (DependencyError).
 */
export function resolveDependencies(roots: readonly AppSource[], candidates: readonly AppSource[], lookedIn: readonly string[]): Resolution {
  const findings: LoadFinding[] = [];
  const order: AppSource[] = [];
  const done = new Set<AppSource>();
  const visiting = new Set<AppSource>();
  const all = [...roots, ...candidates];
  const find = (d: AppDependency): AppSource | undefined => {
    if (d.id) {
      const byId = all.find((c) => c.manifest.id === d.id);
      if (byId) return byId;
    }
    const name = d.name.toLowerCase();
    const publisher = d.publisher.toLowerCase();
    return all.find((c) => c.manifest.name.toLowerCase() === name && (!publisher || c.manifest.publisher.toLowerCase() === publisher));
  };
  const visit = (app: AppSource, chain: string[]) => {
    if (done.has(app) || visiting.has(app)) return;
    visiting.add(app);
    for (const d of declaredDependencies(app.manifest, all)) {
      const found = find(d);
      if (!found) {
        const where = lookedIn.length ? lookedIn.join('; ') : 'nowhere: give --dependency-source DIR or --package-cache DIR (alSessionLab.dependencySources / al.packageCachePath in VS Code)';
        throw new DependencyError(`cannot find the app ${describeApp(d)} that ${describeApp(app.manifest)} depends on${chain.length ? ` (through ${chain.join(' -> ')})` : ''}; looked in ${where}`);
      }
      if (d.version && compareVersions(found.manifest.version, d.version) < 0) {
        findings.push({
          kind: 'lowerVersion', severity: 'warning', file: found.kind === 'package' ? found.location : `${found.location}/app.json`, line: 0, character: 0,
          message: `${describeApp(app.manifest)} needs ${describeApp(d)} or later; found version ${found.manifest.version} (${found.origin}), which is used`,
        });
      }
      visit(found, [...chain, app.manifest.name]);
    }
    visiting.delete(app);
    done.add(app);
    order.push(app);
  };
  for (const r of roots) visit(r, []);
  // A module whose enclosing app is loaded too is provided by it (its files are the enclosing app's).
  const loaded = new Set(order);
  const provided = (a: AppSource) => {
    for (let p = a.parent; p; p = p.parent) if (loaded.has(p)) return true;
    return false;
  };
  return { apps: order.filter((a) => !provided(a)), findings };
}
