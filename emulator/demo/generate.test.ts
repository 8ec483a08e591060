import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ARCHIVE_EMPTY_DIRS, ARCHIVE_FILES, ARCHIVE_PATH } from './archive';
import { textFiles } from './documents';
import { generateDemoTree, type DemoTreeStats } from './generate';
import { EXIF_DETAILS, EXIF_PHOTO, PHOTO_SPECS } from './images';
import { PLAYLIST_PATH, TRACK_SPECS, VIDEO_SPECS } from './media';
import { ffprobePath } from '../media/ffmpeg-path';
import { runTool, SPREAD_DAYS } from './util';

interface ProbeStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  disposition?: { attached_pic?: number };
}
interface Probe {
  streams: ProbeStream[];
  format: { duration: string; tags?: Record<string, string> };
}

const MANY = 50;
let root = '';
let stats: DemoTreeStats;
const abs = (rel: string): string => path.join(root, ...rel.split('/'));

async function probe(rel: string): Promise<Probe> {
  const { stdout } = await runTool(ffprobePath(), ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', abs(rel)]);
  return JSON.parse(stdout) as Probe;
}

async function zipEntries(file: string): Promise<Map<string, { flags: number; content: string }>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: true });
  const out = new Map<string, { flags: number; content: string }>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          let content = '';
          if (!entry.fileName.endsWith('/')) {
            const chunks: Buffer[] = [];
            for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
            content = Buffer.concat(chunks).toString('utf8');
          }
          out.set(entry.fileName, { flags: entry.generalPurposeBitFlag, content });
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

async function countFiles(dir: string): Promise<{ files: number; folders: number; bytes: number }> {
  const acc = { files: 0, folders: 0, bytes: 0 };
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      acc.folders++;
      const sub = await countFiles(p);
      acc.files += sub.files;
      acc.folders += sub.folders;
      acc.bytes += sub.bytes;
    } else {
      acc.files++;
      acc.bytes += (await stat(p)).size;
    }
  }
  return acc;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pcloud-demo-'));
  stats = await generateDemoTree(root, { manyFiles: MANY });
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

// ffprobe runs per file: on a loaded 2-core machine a test can take longer than the default 5 s
describe('generateDemoTree', { timeout: 30_000 }, () => {
  it('creates the expected top-level folders and reports accurate stats', async () => {
    const top = (await readdir(root)).sort();
    expect(top).toEqual(['Archives', 'Documents', 'Hostile names', 'Many files', 'Music', 'Photos', 'Projects', 'Videos']);
    expect(stats).toEqual(await countFiles(root));
    expect(stats.files).toBeGreaterThan(100);
    expect(stats.bytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('writes photos that decode with the expected dimensions and format', async () => {
    expect(PHOTO_SPECS.filter((p) => p.path.split('/').length === 2).length).toBeGreaterThanOrEqual(20);
    expect(PHOTO_SPECS.some((p) => p.path.startsWith('Photos/Holidays 2025/'))).toBe(true);
    for (const spec of PHOTO_SPECS) {
      const meta = await sharp(abs(spec.path)).metadata();
      expect({ path: spec.path, w: meta.width, h: meta.height, f: meta.format }).toEqual({ path: spec.path, w: spec.width, h: spec.height, f: spec.format });
      // Full decode, not just the header.
      const { info } = await sharp(abs(spec.path)).resize(32, 32, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(32);
    }
    expect((await sharp(abs('Photos/App icon.png')).metadata()).hasAlpha).toBe(true);
  });

  it('writes an H.264/AAC mp4 with both streams, and a silent clip', async () => {
    const [main, silent] = VIDEO_SPECS;
    const p = await probe(main.path);
    const video = p.streams.find((s) => s.codec_type === 'video');
    const audio = p.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: main.width, height: main.height, pix_fmt: 'yuv420p' });
    expect(audio).toMatchObject({ codec_name: 'aac' });
    expect(Number(p.format.duration)).toBeGreaterThan(main.seconds - 0.5);
    const q = await probe(silent.path);
    expect(q.streams.map((s) => s.codec_type)).toEqual(['video']);
    // faststart: the moov atom comes before mdat.
    const head = (await readFile(abs(main.path))).subarray(0, 64 * 1024).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(-1);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
  });

  it('writes tagged music tracks and a playlist', async () => {
    for (const t of TRACK_SPECS) {
      const p = await probe(t.path);
      const audio = p.streams.find((s) => s.codec_type === 'audio');
      expect(audio?.codec_name).toBe(t.path.endsWith('.mp3') ? 'mp3' : 'aac');
      expect(Number(p.format.duration)).toBeGreaterThan(t.seconds - 1);
      const tags = Object.fromEntries(Object.entries(p.format.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      expect(tags).toMatchObject({ title: t.title, artist: t.artist, album: t.album });
      if (t.path.endsWith('.mp3')) expect(p.streams.some((s) => s.disposition?.attached_pic === 1)).toBe(true);
    }
    const m3u = await readFile(abs(PLAYLIST_PATH), 'utf8');
    const entries = m3u.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(m3u.startsWith('#EXTM3U\n')).toBe(true);
    expect(entries).toEqual(TRACK_SPECS.filter((t) => t.path.endsWith('.mp3')).map((t) => path.posix.basename(t.path)));
    for (const e of entries) expect((await stat(path.join(abs('Music'), e))).isFile()).toBe(true);
  });

  it('writes documents, deep folders and hostile names that round-trip exactly', async () => {
    const files = textFiles();
    for (const [rel, content] of Object.entries(files)) {
      if (rel.endsWith('/')) {
        expect((await stat(abs(rel))).isDirectory()).toBe(true);
        expect(await readdir(abs(rel))).toEqual([]);
      } else {
        expect(await readFile(abs(rel), 'utf8')).toBe(content);
      }
    }
    expect(await readFile(abs('Documents/index.html'), 'utf8')).toContain('<script>alert(1)</script>');
    expect(await readFile(abs('Documents/notes.txt'), 'utf8')).toMatch(/é.*\n[\s\S]*🎉/);
    expect(await readFile(abs('Projects/2026/Q4/Launch/plan.txt'), 'utf8')).toContain('Launch plan');

    const hostile = Object.keys(files).filter((k) => k.startsWith('Hostile names/')).map((k) => k.split('/')[1]);
    const onDisk = await readdir(abs('Hostile names'));
    expect(new Set(onDisk)).toEqual(new Set(hostile));
    for (const name of onDisk) {
      expect(name).not.toMatch(/[/\\\0]/);
      expect(name.endsWith(' ')).toBe(false);
    }
    expect(onDisk).toContain('<img src=x onerror=alert(1)>.txt');
    expect(onDisk).toContain('🎉 party.txt');
    expect(onDisk).toContain('.hidden');
    expect(onDisk).toContain('caf\u00e9 NFC.txt');
    expect(onDisk).toContain('cafe\u0301 NFD.txt');
    expect(onDisk.some((n) => n.length === 200 && n.endsWith(' end.txt'))).toBe(true);
    expect(onDisk.some((n) => /[\u0590-\u05ff]/.test(n))).toBe(true);
  });

  it('writes what the previewers show: a multi-page PDF, Word and Excel files, Markdown with its picture, subtitles', async () => {
    const pdf = (await readFile(abs('Documents/Guide.pdf'))).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toMatch(/\/Type \/Pages \/Kids \[[^\]]+\] \/Count 6/);
    // the cross-reference offsets point at the objects they name
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    const offsets = pdf.slice(xrefAt).split('\n').filter((l) => / 00000 n $/.test(l)).map((l) => Number(l.slice(0, 10)));
    offsets.forEach((o, i) => expect(pdf.slice(o, o + 12).split('\n')[0]).toBe(`${i + 1} 0 obj`));
    expect(offsets.length).toBeGreaterThan(6);

    const docx = await zipEntries(abs('Documents/Letter.docx'));
    expect(docx.get('word/document.xml')?.content).toContain('Quarterly letter');
    expect(docx.has('[Content_Types].xml')).toBe(true);
    const xlsx = await zipEntries(abs('Documents/Sales.xlsx'));
    expect(xlsx.get('xl/workbook.xml')?.content).toMatch(/name="Sales".*name="Contacts"/);
    expect(xlsx.get('xl/sharedStrings.xml')?.content).toContain('Zürich');

    expect(await readFile(abs('Documents/Guide.md'), 'utf8')).toContain('![Diagram](diagram.png)');
    expect((await sharp(abs('Documents/diagram.png')).metadata()).format).toBe('png');
    expect(await readFile(abs('Videos/Big Buck Demo.srt'), 'utf8')).toContain('00:00:01,000 --> 00:00:04,000');
    for (const code of ['hello.py', 'main.go', 'lib.rs']) expect((await stat(abs(`Documents/Code/${code}`))).size).toBeGreaterThan(100);
  });

  it('writes a photo whose EXIF has camera, lens, exposure and GPS', async () => {
    const tags = (await exifr.parse(abs(EXIF_PHOTO), true)) as Record<string, unknown>;
    expect(tags).toMatchObject({ Make: 'pCloud Demo', LensModel: EXIF_DETAILS.lens, FNumber: EXIF_DETAILS.fNumber, ISO: EXIF_DETAILS.iso, ExposureTime: 1 / 250 });
    expect(tags.latitude).toBeCloseTo(EXIF_DETAILS.latitude, 3);
    expect(tags.longitude).toBeCloseTo(EXIF_DETAILS.longitude, 3);
    // the other photos carry no position
    expect(((await exifr.parse(abs('Photos/IMG_2042.jpg'), true)) as Record<string, unknown>).latitude).toBeUndefined();
  });

  it('writes the requested number of small files', async () => {
    const many = (await readdir(abs('Many files'))).sort();
    expect(many).toHaveLength(MANY);
    expect(many[0]).toBe('file-00001.txt');
    expect(many[MANY - 1]).toBe(`file-${String(MANY).padStart(5, '0')}.txt`);
    expect(await readFile(abs('Many files/file-00007.txt'), 'utf8')).toContain('#7 of 50');
  });

  it('builds a zip whose entries (including UTF-8 names) list and extract', async () => {
    const entries = await zipEntries(abs(ARCHIVE_PATH));
    expect([...entries.keys()].sort()).toEqual([...Object.keys(ARCHIVE_FILES), ...ARCHIVE_EMPTY_DIRS].sort());
    for (const [name, content] of Object.entries(ARCHIVE_FILES)) {
      expect(entries.get(name)?.content).toBe(content);
    }
    const utf8Name = 'données/résumé été 2025.txt';
    expect(entries.get(utf8Name)?.flags ?? 0).toBeTruthy();
    expect((entries.get(utf8Name)?.flags ?? 0) & 0x800).toBe(0x800);
  });

  it('spreads modification times over the past two years', async () => {
    const now = Date.now();
    const times = await Promise.all(PHOTO_SPECS.map(async (p) => (await stat(abs(p.path))).mtimeMs));
    for (const t of times) {
      expect(t).toBeLessThanOrEqual(now);
      expect(t).toBeGreaterThan(now - (SPREAD_DAYS + 1) * 86_400_000);
    }
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(180);
    // Folders take the mtime of their newest child.
    const photosDir = (await stat(abs('Photos'))).mtimeMs;
    const children = await readdir(abs('Photos'));
    const childTimes = await Promise.all(children.map(async (c) => (await stat(path.join(abs('Photos'), c))).mtimeMs));
    expect(photosDir).toBe(Math.max(...childTimes));
  });
});
