// Where ffmpeg comes from (system, npm package, environment), and what the server does without it:
// the streaming methods and video thumbnails answer 5002 ("no servers available"), images and
// everything else keep working, and the demo data leaves out only the videos and music.
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';
import { ffmpegAvailable, findTool } from '../media/ffmpeg-path';
import { generateDemoTree } from '../demo/generate';
import { TRACK_SPECS, VIDEO_SPECS } from '../demo/media';

// this file's modules resolve as if neither the system nor npm had ffmpeg
const saved = vi.hoisted(() => {
  const before = { ffmpeg: process.env.PCLOUD_EMU_FFMPEG, ffprobe: process.env.PCLOUD_EMU_FFPROBE };
  process.env.PCLOUD_EMU_FFMPEG = 'off';
  process.env.PCLOUD_EMU_FFPROBE = 'off';
  return before;
});
afterAll(() => {
  for (const [key, v] of [['PCLOUD_EMU_FFMPEG', saved.ffmpeg], ['PCLOUD_EMU_FFPROBE', saved.ffprobe]] as const) {
    if (v === undefined) delete process.env[key];
    else process.env[key] = v;
  }
});

describe('findTool', () => {
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'ffmpeg-path-'));
    writeFileSync(join(bin, 'ffmpeg'), '#!/bin/sh\n');
    chmodSync(join(bin, 'ffmpeg'), 0o755);
    writeFileSync(join(bin, 'ffprobe'), 'not executable');
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('takes the system binary from PATH first', () => {
    expect(findTool('ffmpeg', { PATH: `/nonexistent:${bin}` })).toEqual({ path: join(bin, 'ffmpeg'), source: 'system' });
  });

  it('skips files on PATH that are not executable', () => {
    expect(findTool('ffprobe', { PATH: bin }, { npm: false })).toBeNull();
  });

  it('falls back to the binary shipped in the npm package', () => {
    const t = findTool('ffprobe', { PATH: bin });
    if (process.platform === 'linux' && process.arch === 'x64') {
      expect(t).toMatchObject({ source: 'npm', pkg: '@ffprobe-installer/linux-x64' });
      expect(t!.path).toMatch(/node_modules\/@ffprobe-installer\/linux-x64\/ffprobe$/);
    } else {
      expect(t === null || t.source === 'npm').toBe(true);
    }
  });

  it('lets the environment name a binary or turn the tool off', () => {
    expect(findTool('ffmpeg', { PATH: bin, FFMPEG_PATH: '/opt/ff/ffmpeg' })).toEqual({ path: '/opt/ff/ffmpeg', source: 'env' });
    expect(findTool('ffmpeg', { PATH: bin, PCLOUD_EMU_FFMPEG: 'off', FFMPEG_PATH: '/opt/ff/ffmpeg' })).toBeNull();
  });
});

describe('without ffmpeg', () => {
  let srv: TestServer;
  let alice: TestUser;
  let photo: Json;
  let clip: Json;
  let song: Json;
  let text: Json;

  beforeAll(async () => {
    srv = await TestServer.start();
    alice = await srv.user();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).png().toBuffer();
    // the bytes do not matter: nothing may try to decode them
    [photo, clip, song, text] = await Promise.all([
      alice.upload('photo.png', png),
      alice.upload('clip.mp4', Buffer.alloc(4096, 1)),
      alice.upload('song.mp3', Buffer.alloc(4096, 2)),
      alice.upload('notes.txt', 'hello'),
    ]);
  });
  afterAll(() => srv.close());

  const noServers = { result: 5002, error: 'Internal error, no servers available. Try again later.' };

  it('knows it has none', () => {
    expect(ffmpegAvailable()).toBe(false);
  });

  it('answers 5002 to the streaming methods for videos and audio', async () => {
    for (const m of ['getvideolink', 'getvideolinks', 'gethlslink']) expect(await alice.call(m, { fileid: clip.fileid })).toEqual(noServers);
    expect(await alice.call('getaudiolink', { fileid: song.fileid })).toEqual(noServers);
    expect(await alice.call('getaudiolink', { fileid: clip.fileid })).toEqual(noServers);
  });

  it('still answers 2044 for files that are not media', async () => {
    expect(await alice.call('gethlslink', { fileid: text.fileid })).toMatchObject({ result: 2044 });
  });

  it('answers 5002 for video thumbnails and still makes image thumbnails', async () => {
    expect(await alice.call('getthumblink', { fileid: clip.fileid, size: '64x64' })).toEqual(noServers);
    const r = await alice.call('getthumbslinks', { fileids: `${photo.fileid},${clip.fileid}`, size: '32x32' });
    expect(r.result).toBe(0);
    expect(r.thumbs).toEqual([
      expect.objectContaining({ fileid: photo.fileid, result: 0, size: '32x24' }),
      { fileid: clip.fileid, ...noServers },
    ]);
    const thumb = await srv.fetchLink(r.thumbs[0]);
    expect(thumb.status).toBe(200);
    expect((await sharp(thumb.body).metadata()).width).toBe(32);
  });

  it('lists folders with the media files in them', async () => {
    const r = await alice.call('listfolder', { folderid: 0 });
    expect(r.metadata.contents.map((c: Json) => c.name).sort()).toEqual(['clip.mp4', 'notes.txt', 'photo.png', 'song.mp3']);
  });

  it('generates the demo tree without the videos and music, and says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'demo-noffmpeg-'));
    try {
      const lines: string[] = [];
      const stats = await generateDemoTree(root, { manyFiles: 3, log: (l) => lines.push(l) });
      expect(stats.files).toBeGreaterThan(30);
      expect(readdirSync(join(root, 'Music'))).toEqual(['cover.jpg']);
      expect(readdirSync(root)).not.toContain('Videos');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/ffmpeg not available/);
      for (const p of [...VIDEO_SPECS, ...TRACK_SPECS].map((s) => s.path)) expect(lines[0]).toContain(p);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
