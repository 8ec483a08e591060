// Archiving (docs/pcloud/methods-media.md §2): getzip, getziplink, savezip(+progress), extractarchive(+progress),
// tree parameters (docs/pcloud/structures.md §4), Unicode names, traversal and zip-bomb refusals, quota.
import { randomBytes } from 'node:crypto';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';
import { EXTRACT_LIMITS } from '../methods/archiving';

interface Entry {
  name: string;
  data: Buffer;
  utf8: boolean;
  mtime: number;
}

function unzip(buf: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zf) => {
      if (err || !zf) return reject(err);
      const out: Entry[] = [];
      zf.on('entry', (e: yauzl.Entry) => {
        const utf8 = (e.generalPurposeBitFlag & 0x800) !== 0;
        const mtime = e.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).getTime() / 1000;
        if (e.fileName.endsWith('/')) {
          out.push({ name: e.fileName, data: Buffer.alloc(0), utf8, mtime });
          zf.readEntry();
          return;
        }
        zf.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks), utf8, mtime });
            zf.readEntry();
          });
        });
      });
      zf.on('end', () => resolve(out));
      zf.on('error', reject);
      zf.readEntry();
    });
  });
}

function makeZip(files: Record<string, Buffer | string>, dirs: string[] = []): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  for (const d of dirs) zip.addEmptyDirectory(d);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Rewrites an entry name in place (same length) to produce names yazl refuses to write. */
function rename(buf: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(buf);
  const a = Buffer.from(from);
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + 1)) Buffer.from(to).copy(out, i);
  return out;
}

const names = (entries: Entry[]) => entries.map((e) => e.name).sort();

let srv: TestServer;
let open: TestServer;
let alice: TestUser;
let auth: string;
let docs: Json;
let sub: Json;
let a: Json;
let uni: Json;
let rootFile: Json;
const UNI = 'ünï cødé ✓ 日本.txt';

beforeAll(async () => {
  srv = await TestServer.start();
  open = await TestServer.start({ quirks: { oauthRefusals: false } });
  alice = await srv.user();
  auth = alice.authToken();
  docs = await alice.mkdir('Docs');
  sub = await alice.mkdir('Sub', docs.folderid);
  a = await alice.upload('a.txt', 'alpha', { folderid: docs.folderid });
  await alice.upload('b.txt', 'bravo', { folderid: sub.folderid });
  uni = await alice.upload(UNI, 'unicode', { folderid: docs.folderid });
  rootFile = await alice.upload('root.txt', 'root', { folderid: 0 });
});
afterAll(async () => {
  await srv.close();
  await open.close();
});

describe('getzip', () => {
  it('refuses OAuth tokens with 1000 in faithful mode, streams a zip for `auth` sessions', async () => {
    const refused = await alice.call('getzip', { folderid: docs.folderid });
    expect(refused.result).toBe(1000);
    const r = await alice.send('getzip', { folderid: docs.folderid }, { auth });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    const entries = await unzip(r.body);
    expect(names(entries)).toEqual(['Sub/', 'Sub/b.txt', 'a.txt', UNI].sort());
    expect(entries.find((e) => e.name === 'Sub/b.txt')!.data.toString()).toBe('bravo');
    const u = entries.find((e) => e.name === UNI)!;
    expect(u.utf8).toBe(true);
    expect(u.data.toString()).toBe('unicode');
  });

  it('accepts OAuth tokens when the refusal quirk is off', async () => {
    const bob = await open.user();
    await bob.upload('x.txt', 'x');
    const r = await bob.send('getzip', { folderid: 0, filename: 'mine.zip', forcedownload: 1 });
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-disposition']).toContain('mine.zip');
    expect(names(await unzip(r.body))).toEqual(['x.txt']);
  });

  it('applies folderids, fileids and the exclusions', async () => {
    const r1 = await alice.send('getzip', { folderids: docs.folderid, fileids: rootFile.fileid }, { auth });
    expect(names(await unzip(r1.body))).toEqual(['Docs/', 'Docs/Sub/', 'Docs/Sub/b.txt', 'Docs/a.txt', `Docs/${UNI}`, 'root.txt'].sort());
    const r2 = await alice.send('getzip', { folderid: docs.folderid, excludefolderids: sub.folderid, excludefileids: uni.fileid }, { auth });
    expect(names(await unzip(r2.body))).toEqual(['a.txt']);
    const empty = await alice.send('getzip', {}, { auth });
    expect(await unzip(empty.body)).toEqual([]);
  });

  it('writes entry times in UTC unless `timeoffset` says otherwise', async () => {
    const [utc] = await unzip((await alice.send('getzip', { fileids: a.fileid }, { auth })).body);
    expect(Math.abs(utc.mtime - Date.parse(a.modified) / 1000)).toBeLessThanOrEqual(2);
    const [plus] = await unzip((await alice.send('getzip', { fileids: a.fileid, timeoffset: '+02:00' }, { auth })).body);
    expect(plus.mtime - utc.mtime).toBe(7200);
    const [named] = await unzip((await alice.send('getzip', { fileids: a.fileid, timeoffset: 'Asia/Tokyo' }, { auth })).body);
    expect(named.mtime - utc.mtime).toBe(9 * 3600);
  });

  it('answers 1017 / 1018 / 2009 as JSON for bad trees', async () => {
    expect((await alice.call('getzip', { folderid: 'x' }, { auth })).result).toBe(1017);
    expect((await alice.call('getzip', { folderids: '999999' }, { auth })).result).toBe(1017);
    expect((await alice.call('getzip', { fileids: '1,x' }, { auth })).result).toBe(1018);
    expect((await alice.call('getzip', { fileids: '999999' }, { auth })).result).toBe(2009);
  });
});

describe('getziplink', () => {
  it('returns a link whose content is the zip', async () => {
    const r = await alice.call('getziplink', { fileids: `${a.fileid},${uni.fileid}`, filename: 'two.zip' });
    expect(r.result).toBe(0);
    expect(r.hosts).toHaveLength(1);
    expect(r.path).toMatch(/two\.zip$/);
    const got = await srv.fetchLink(r);
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toContain('two.zip');
    expect(names(await unzip(got.body))).toEqual(['a.txt', UNI].sort());
    expect((await alice.call('getziplink', { fileids: '999999' })).result).toBe(2009);
    expect((await alice.call('getziplink', { folderid: 0, maxspeed: 10 })).result).toBe(2011);
  });
});

describe('savezip', () => {
  it('stores the zip as a file and reports progress', async () => {
    const r = await alice.call('savezip', { folderid: docs.folderid, topath: '/saved.zip', progresshash: 'sz1' });
    expect(r.result).toBe(0);
    expect(r.metadata).toMatchObject({ name: 'saved.zip', category: 5, icon: 'archive', contenttype: 'application/zip' });
    const p = await alice.call('savezipprogress', { progresshash: 'sz1' });
    expect(p).toMatchObject({ result: 0, files: 3, totalfiles: 3, bytes: 17, totalbytes: 17 });
    const link = await alice.call('getfilelink', { fileid: r.metadata.fileid });
    expect(names(await unzip((await srv.fetchLink(link)).body))).toEqual(['Sub/', 'Sub/b.txt', 'a.txt', UNI].sort());
    const r2 = await alice.call('savezip', { fileids: a.fileid, tofolderid: docs.folderid, toname: 'one.zip' });
    expect(r2.metadata).toMatchObject({ name: 'one.zip', parentfolderid: docs.folderid });
  });

  it('answers 1016, 2004 (noover), 1901 and 2008', async () => {
    expect((await alice.call('savezip', { folderid: docs.folderid })).result).toBe(1016);
    expect((await alice.call('savezip', { folderid: docs.folderid, tofolderid: 0 })).result).toBe(1016);
    expect((await alice.call('savezip', { folderid: docs.folderid, topath: '/saved.zip', noover: 1 })).result).toBe(2004);
    expect((await alice.call('savezipprogress', { progresshash: 'nope' })).result).toBe(1901);
    const poor = await srv.user({ quota: 3000 });
    await poor.upload('noise.bin', randomBytes(2000));
    expect((await poor.call('savezip', { folderid: 0, topath: '/n.zip' })).result).toBe(2008);
  });
});

describe('extractarchive', () => {
  let target: Json;
  let zipFile: Json;
  beforeAll(async () => {
    target = await alice.mkdir('Out');
    const buf = await makeZip({ 'top.txt': 'top', 'dir/inner.txt': 'inner', 'données/résumé ✓.txt': 'é' }, ['empty/']);
    zipFile = await alice.upload('in.zip', buf);
  });

  it('unpacks folders and files with Unicode names and reports output', async () => {
    const r = await alice.call('extractarchive', { fileid: zipFile.fileid, tofolderid: target.folderid, progresshash: 'ex1' });
    expect(r).toMatchObject({ result: 0, finished: true });
    expect(r.output[r.output.length - 1]).toBe('Successfully extracted to current directory.');
    expect(r.lines).toBe(r.output.length);
    expect((await alice.names(target.folderid)).sort()).toEqual(['dir', 'données', 'empty', 'top.txt']);
    const listing = await alice.call('listfolder', { path: '/Out/données' });
    expect(listing.metadata.contents[0].name).toBe('résumé ✓.txt');
    const p = await alice.call('extractarchiveprogress', { progresshash: 'ex1', lines: 1 });
    expect(p).toMatchObject({ result: 0, finished: true, lines: r.lines });
    expect(p.output).toEqual(r.output.slice(1));
    expect((await alice.call('extractarchiveprogress', { progresshash: 'unknown' })).result).toBe(1900);
    // a zip made by savezip round-trips its Unicode names
    const back = await alice.mkdir('Back');
    await alice.call('extractarchive', { path: '/saved.zip', tofolderid: back.folderid });
    expect((await alice.names(back.folderid)).sort()).toEqual(['Sub', 'a.txt', UNI].sort());
  });

  it('reports a member whose bytes fail their CRC-32 and stores nothing of it', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('good member'), 'good.txt', { compress: false });
    zip.addBuffer(Buffer.from('GENUINE-BYTES-0123'), 'bad.txt', { compress: false });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    // same length, so sizes still match: only the checksum can tell
    const damaged = rename(Buffer.concat(chunks), 'GENUINE-BYTES-0123', 'POISONED-BYTES-999');
    const file = await alice.upload('damaged.zip', damaged);
    const out = await alice.mkdir('CrcOut');
    const r = await alice.call('extractarchive', { fileid: file.fileid, tofolderid: out.folderid });
    expect(r).toMatchObject({ result: 0, finished: true });
    expect(r.output).toContain('  bad.txt  (18 B)... bad CRC, not extracted.');
    expect(r.output[r.output.length - 1]).not.toMatch(/Successfully/);
    expect(await alice.names(out.folderid)).toEqual(['good.txt']);
  });

  it('renames by default, skips or overwrites on request', async () => {
    await alice.call('extractarchive', { fileid: zipFile.fileid, tofolderid: target.folderid });
    expect(await alice.names(target.folderid)).toContain('top (2).txt');
    const skip = await alice.call('extractarchive', { fileid: zipFile.fileid, tofolderid: target.folderid, overwrite: 'skip' });
    expect(skip.output.some((l: string) => l.includes('skipped'))).toBe(true);
    const before = (await alice.names(target.folderid)).length;
    await alice.call('extractarchive', { path: '/in.zip', topath: '/Out', overwrite: 'overwrite' });
    expect((await alice.names(target.folderid)).length).toBe(before);
  });

  it('refuses traversal, absolute names, non-zips, bombs and over-quota archives before writing', async () => {
    const dest = await alice.mkdir('Guarded');
    const base = await makeZip({ 'ok.txt': 'fine', 'aa/evil.txt': 'evil', 'Xetc/passwd': 'root' });
    const trav = await alice.upload('trav.zip', rename(base, 'aa/evil.txt', '../evil.txt'));
    const abs = await alice.upload('abs.zip', rename(base, 'Xetc/passwd', '/etc/passwd'));
    const win = await alice.upload('win.zip', rename(base, 'aa/evil.txt', '..\\evil.txt'));
    for (const f of [trav, abs, win]) {
      const r = await alice.call('extractarchive', { fileid: f.fileid, tofolderid: dest.folderid });
      expect(r.result).toBe(2351);
    }
    const notZip = await alice.upload('fake.zip', 'this is not a zip');
    expect((await alice.call('extractarchive', { fileid: notZip.fileid, tofolderid: dest.folderid })).result).toBe(2350);
    const bomb = await alice.upload('bomb.zip', await makeZip({ 'zeros.bin': Buffer.alloc(8 * 1024 * 1024) }));
    expect((await alice.call('extractarchive', { fileid: bomb.fileid, tofolderid: dest.folderid })).result).toBe(2352);
    const saved = EXTRACT_LIMITS.maxEntries;
    EXTRACT_LIMITS.maxEntries = 3;
    try {
      const many = await alice.upload('many.zip', await makeZip({ a: '1', b: '2', c: '3', d: '4', e: '5' }));
      expect((await alice.call('extractarchive', { fileid: many.fileid, tofolderid: dest.folderid })).result).toBe(2352);
    } finally {
      EXTRACT_LIMITS.maxEntries = saved;
    }
    expect(await alice.names(dest.folderid)).toEqual([]);
    const poor = await srv.user({ quota: 5000 });
    const z = await poor.upload('big.zip', await makeZip({ 'r.bin': randomBytes(4000) }));
    expect((await poor.call('extractarchive', { fileid: z.fileid, tofolderid: 0 })).result).toBe(2008);
    expect((await alice.call('extractarchive', { fileid: zipFile.fileid })).result).toBe(1016);
    expect((await alice.call('extractarchive', { tofolderid: 0 })).result).toBe(1004);
  });
});
