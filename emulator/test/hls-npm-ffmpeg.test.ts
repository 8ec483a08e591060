// The server's media features with the static ffmpeg/ffprobe shipped in npm packages (what a
// machine without a system ffmpeg uses). That build writes HLS segments in place even with
// `temp_file`, so a segment served while the transcode runs must still be whole.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestServer, sleep, type Json, type TestUser } from '../testing';
import { mediaTools } from '../media/ffmpeg-path';
import { media } from '../media/state';

const bins = vi.hoisted(() => {
  const dir = `${process.cwd()}/node_modules`;
  const platform = `${process.platform}-${process.arch}`;
  const b = { ffmpeg: `${dir}/@ffmpeg-installer/${platform}/ffmpeg`, ffprobe: `${dir}/@ffprobe-installer/${platform}/ffprobe` };
  const before = { ffmpeg: process.env.PCLOUD_EMU_FFMPEG, ffprobe: process.env.PCLOUD_EMU_FFPROBE };
  process.env.PCLOUD_EMU_FFMPEG = b.ffmpeg;
  process.env.PCLOUD_EMU_FFPROBE = b.ffprobe;
  return { ...b, before };
});
afterAll(() => {
  for (const [key, v] of [['PCLOUD_EMU_FFMPEG', bins.before.ffmpeg], ['PCLOUD_EMU_FFPROBE', bins.before.ffprobe]] as const) {
    if (v === undefined) delete process.env[key];
    else process.env[key] = v;
  }
});

const shipped = existsSync(bins.ffmpeg) && existsSync(bins.ffprobe);

describe.skipIf(!shipped)('media with the npm-shipped ffmpeg', () => {
  let srv: TestServer;
  let alice: TestUser;
  let clip: Json;
  let small: Json;
  let song: Json;

  beforeAll(async () => {
    srv = await TestServer.start();
    alice = await srv.user();
    const dir = mkdtempSync(join(tmpdir(), 'npm-ffmpeg-'));
    const make = (out: string, args: string[]) => {
      execFileSync(bins.ffmpeg, ['-v', 'error', '-y', ...args, join(dir, out)]);
      return readFileSync(join(dir, out));
    };
    // long and large enough that the rendition is still being made while its first segments are served
    const mp4 = make('c.mp4', [
      '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=8:sample_rate=44100',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    ]);
    const mini = make('m.mp4', [
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    ]);
    const mp3 = make('s.mp3', ['-f', 'lavfi', '-i', 'sine=frequency=330:duration=1', '-c:a', 'libmp3lame', '-b:a', '64k', '-metadata', 'title=Sine']);
    rmSync(dir, { recursive: true, force: true });
    [clip, small, song] = await Promise.all([alice.upload('clip.mp4', mp4), alice.upload('small.mp4', mini), alice.upload('song.mp3', mp3)]);
  }, 120_000);
  afterAll(() => srv?.close());

  it('uses the packaged binaries', () => {
    expect(mediaTools().ffmpeg).toEqual({ path: bins.ffmpeg, source: 'env' });
  });

  it('serves HLS segments whole while the rendition is still being transcoded', async () => {
    const r = await alice.call('gethlslink', { fileid: clip.fileid, resolution: '640x360' });
    expect(r.result).toBe(0);
    const base = r.path.slice(0, r.path.lastIndexOf('/') + 1);
    const link = (p: string) => ({ hosts: r.hosts, path: base + p });
    const playlist = await srv.fetchLink(link('v0/index.m3u8'));
    const segs = playlist.text.split('\n').filter((l) => /^seg\d+\.ts$/.test(l));
    expect(segs.length).toBe(4);
    const first: Buffer[] = [];
    for (const s of segs) first.push((await srv.fetchLink(link(`v0/${s}`))).body);
    // once everything is made, the same segments again: nothing may have grown since
    const hls = join(media(srv.emu).cacheDir, 'hls');
    while (!readdirSync(hls, { recursive: true }).some((f) => String(f).endsWith('.done'))) await sleep(100);
    for (const [i, s] of segs.entries()) {
      const again = await srv.fetchLink(link(`v0/${s}`));
      expect(again.status).toBe(200);
      expect(first[i].length, s).toBe(again.body.length);
      expect(first[i][0]).toBe(0x47);
    }
  });

  it('makes video thumbnails, MP4 and MP3 transcodes', async () => {
    const t = await alice.call('getthumblink', { fileid: small.fileid, size: '120x120' });
    expect(t.result).toBe(0);
    expect((await sharp((await srv.fetchLink(t)).body).metadata()).width).toBe(120);
    const v = await alice.call('getvideolinks', { fileid: small.fileid });
    expect(v.result).toBe(0);
    const mp4 = await srv.fetchLink(v.variants[0]);
    expect(mp4.status).toBe(200);
    expect(mp4.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const a = await alice.call('getaudiolink', { fileid: song.fileid, abitrate: 32 });
    const mp3 = await srv.fetchLink(a);
    expect(mp3.status).toBe(200);
    expect(mp3.body.length).toBeGreaterThan(1000);
  });
});
