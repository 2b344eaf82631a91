// Builds a minimal Business Central .app package in memory for tests: a NAVX header followed by a zip holding
// SymbolReference.json (deflated) and a stored NavxManifest.xml.
import { crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
  deflate: boolean;
}

export function buildZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A .app: 40-byte NAVX header (magic, header size, version, package id) then the zip. */
export function buildApp(symbols: unknown): Buffer {
  const header = Buffer.alloc(40);
  header.write('NAVX', 0, 'latin1');
  header.writeUInt32LE(40, 4);
  header.writeUInt32LE(2, 8);
  const json = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(symbols), 'utf8')]);
  const zip = buildZip([
    { name: 'NavxManifest.xml', data: Buffer.from('<Package/>'), deflate: false },
    { name: 'SymbolReference.json', data: json, deflate: true },
  ]);
  return Buffer.concat([header, zip]);
}

/** A .app with a NavxManifest.xml naming the app and its dependencies, and (optionally) AL source under src/. */
export function buildAppPackage(opts: {
  id: string;
  name: string;
  publisher: string;
  version: string;
  dependencies?: { id: string; name: string; publisher: string; version: string }[];
  symbols: unknown;
  sources?: { name: string; text: string }[];
  readyToRun?: boolean;
}): Buffer {
  const deps = (opts.dependencies ?? []).map((d) => `<Dependency Id="${d.id}" Name="${d.name}" Publisher="${d.publisher}" MinVersion="${d.version}" />`).join('');
  const manifest = `<?xml version="1.0" encoding="utf-8"?><Package xmlns="http://schemas.microsoft.com/navx/2015/manifest"><App Id="${opts.id}" Name="${opts.name}" Publisher="${opts.publisher}" Version="${opts.version}" /><Dependencies>${deps}</Dependencies></Package>`;
  const header = Buffer.alloc(40);
  header.write('NAVX', 0, 'latin1');
  header.writeUInt32LE(40, 4);
  header.writeUInt32LE(2, 8);
  const zip = buildZip([
    { name: 'NavxManifest.xml', data: Buffer.from(manifest), deflate: true },
    { name: 'SymbolReference.json', data: Buffer.from(JSON.stringify(opts.symbols), 'utf8'), deflate: true },
    ...(opts.sources ?? []).map((s) => ({ name: s.name, data: Buffer.from(s.text, 'utf8'), deflate: true })),
  ]);
  const app = Buffer.concat([header, zip]);
  // Microsoft's ready-to-run packages: a zip holding the AL .app.
  return opts.readyToRun ? buildZip([{ name: `${opts.publisher}_${opts.name}_${opts.version}.app`, data: app, deflate: true }]) : app;
}
