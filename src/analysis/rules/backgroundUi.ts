// Shared walk of BG0006 and BG0007: UI calls reachable from code that runs without a client.
import type { PathStep } from '../diagnostic';
import { kindText, type BackgroundRoot } from '../facts';
import { walk, type Visit } from '../model/walk';
import type { RuleContext } from './types';

export const uiCalls: Record<string, string> = {
  'dialog.confirm': 'Confirm',
  'dialog.strmenu': 'StrMenu',
  'page.run': 'Page.Run',
  'page.runmodal': 'Page.RunModal',
  'report.run': 'Report.Run',
  'report.runmodal': 'Report.RunModal',
  'system.hyperlink': 'Hyperlink',
  'file.upload': 'File.Upload',
  'file.download': 'File.Download',
  'file.uploadintostream': 'UploadIntoStream',
  'file.downloadfromstream': 'DownloadFromStream',
  'dialog.open': 'Dialog.Open',
};

export interface UiHit {
  root: BackgroundRoot;
  visit: Visit;
  what: string;
  last: PathStep;
}

/** Walks every background root once (shared visited set), calling `hit` for unguarded calls matching `names`. */
export function walkBackground(ctx: RuleContext, names: Record<string, string>, hit: (h: UiHit) => void): void {
  const visited = new Set<string>();
  for (const root of ctx.facts.roots.values()) {
    walk(ctx.ws, root.ref, {
      visited,
      onCall(v) {
        // A call site known to run only with a client (GuiAllowed() true) is not followed.
        if (v.flow.gui) return false;
        const r = v.res;
        if (r.kind === 'builtin') {
          const what = names[r.name];
          if (what) hit({ root, visit: v, what, last: v.path[v.path.length - 1] });
          return false;
        }
        return r.kind === 'proc';
      },
    });
  }
}

export function rootText(root: BackgroundRoot): string {
  const o = root.origin;
  const by = o ? `, started from ${o.obj.kind} "${o.obj.name}"` : '';
  return `codeunit "${root.ref.obj.name}" (runs as ${kindText(root.kinds)}${by})`;
}

export function flagNote(flags: string[]): string {
  return flags.length ? ` It may be guarded by ${flags.map((f) => `the flag ${f}`).join(' and ')}, object state this analysis does not track.` : '';
}
