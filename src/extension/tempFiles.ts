// Files the extension hands to a process it starts (e.g. the empty data file of a scenario run): each run gets its
// own folder with a random name, readable by this user only, created exclusively (never a predictable path in the
// shared temp folder, where another user could plant a link), and removed when the run is over. vscode-free.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PrivateTempFile {
  readonly file: string;
  /** Removes the file and its folder (idempotent). */
  dispose(): void;
}

export function writePrivateTempFile(name: string, content: string, base = os.tmpdir()): PrivateTempFile {
  // mkdtemp adds six random characters and creates the folder with mode 0700; 'wx' fails rather than follow a link.
  const dir = fs.mkdtempSync(path.join(base, 'al-session-lab-'));
  const file = path.join(dir, path.basename(name));
  fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
  return { file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
