// Media probing (docs/pcloud/structures.md §1.1) and streaming methods (docs/pcloud/methods-media.md §1): getvideolink(s),
// getaudiolink, gethlslink, gettextfile, 2044, 7010.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let photo: Json;
let clip: Json; // 320x240, 25 fps, 1.5 s, H.264 + AAC 44.1 kHz
let song: Json; // MP3 with ID3 tags
let songBytes: Buffer;
let text: Json;

function ffmpeg(dir: string, out: string, args: string[]): Buffer {
  execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-y', ...args, join(dir, out)]);
  return readFileSync(join(dir, out));
}

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  const dir = mkdtempSync(join(tmpdir(), 'media-test-'));
  const mp4 = ffmpeg(dir, 'c.mp4', [
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=1.5', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5:sample_rate=44100',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
  ]);
  const mp3 = ffmpeg(dir, 's.mp3', [
    '-f', 'lavfi', '-i', 'sine=frequency=330:duration=1', '-c:a', 'libmp3lame', '-b:a', '64k',
    '-metadata', 'artist=The Testers', '-metadata', 'album=Fixtures', '-metadata', 'title=Sine Song', '-metadata', 'genre=Ambient', '-metadata', 'track=3/12',
  ]);
  songBytes = mp3;
  rmSync(dir, { recursive: true, force: true });
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  [photo, clip, song, text] = await Promise.all([
    alice.upload('photo.jpg', jpeg),
    alice.upload('clip.mp4', mp4),
    alice.upload('song.mp3', mp3),
    alice.upload('latin.txt', Buffer.from('caf\xe9 cr\xe8me', 'latin1')),
  ]);
});
afterAll(() => srv.close());

/** stat, until the background probe (started by the upload) has stored `field`. */
async function statWith(fileid: number, field: string): Promise<Json> {
  for (let i = 0; i < 100; i++) {
    const r = await alice.call('stat', { fileid });
    if (r.metadata[field] !== undefined) return r.metadata;
    await sleep(50);
  }
  throw new Error(`no ${field} on ${fileid}`);
}

describe('media probing', () => {
  it('adds width/height to images after upload', async () => {
    expect(await statWith(photo.fileid, 'width')).toMatchObject({ width: 64, height: 48 });
  });

  it('adds video fields to videos', async () => {
    const m = await statWith(clip.fileid, 'width');
    expect(m).toMatchObject({ width: 320, height: 240, fps: '25.00', videocodec: 'h264', audiocodec: 'aac', audiosamplerate: 44100, rotate: 0 });
    expect(Number(m.duration)).toBeGreaterThan(1.3);
    expect(Number(m.duration)).toBeLessThan(1.7);
    expect(typeof m.videobitrate).toBe('number');
    expect(typeof m.audiobitrate).toBe('number');
  });

  it('adds ID3 tags to audio', async () => {
    expect(await statWith(song.fileid, 'title')).toMatchObject({ artist: 'The Testers', album: 'Fixtures', title: 'Sine Song', genre: 'Ambient', trackno: 3 });
  });

  it('leaves other files alone', async () => {
    const m = (await alice.call('stat', { fileid: text.fileid })).metadata;
    expect(m.width).toBeUndefined();
  });
});

/** Resolves a playlist URI against the content link it came from. */
const under = (base: string, uri: string) => ({ hosts: [], path: new URL(uri, `http://h${base}`).pathname });

describe('gethlslink', () => {
  it('serves a master playlist, a VOD rendition and MPEG-TS segments under the same prefix', async () => {
    const r = await alice.call('gethlslink', { fileid: clip.fileid });
    expect(r.result).toBe(0);
    expect(r.path).toMatch(/\/clip\.m3u8$/);
    const master = await srv.fetchLink(r);
    expect(master.status).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['access-control-allow-origin']).toBe('*');
    expect(master.text).toMatch(/^#EXTM3U/);
    expect(master.text).toContain('RESOLUTION=320x240');
    const uri = master.text.split('\n').find((l) => l && !l.startsWith('#'))!;
    const rendition = await srv.fetchLink(under(r.path, uri));
    expect(rendition.status).toBe(200);
    expect(rendition.text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(rendition.text).toContain('#EXT-X-ENDLIST');
    const segUri = rendition.text.split('\n').find((l) => l && !l.startsWith('#'))!;
    const seg = await srv.fetchLink(under(new URL(uri, `http://h${r.path}`).pathname, segUri));
    expect(seg.status).toBe(200);
    expect(seg.headers['content-type']).toBe('video/mp2t');
    expect(seg.body[0]).toBe(0x47); // MPEG-TS sync byte
    expect((await srv.fetchLink(under(r.path, 'v9/index.m3u8'))).status).toBe(404);
  });

  it('fits one rendition into `resolution`', async () => {
    const r = await alice.call('gethlslink', { fileid: clip.fileid, resolution: '160x160', skipfilename: 1 });
    const master = await srv.fetchLink(r);
    expect(master.text).toContain('RESOLUTION=160x120');
    expect(master.text.match(/#EXT-X-STREAM-INF/g)).toHaveLength(1);
  });
});

describe('getaudiolink / getvideolink / getvideolinks', () => {
  it('serves MP3 for audio and for a video soundtrack', async () => {
    const r = await alice.call('getaudiolink', { fileid: song.fileid, abitrate: 64 });
    expect(r.result).toBe(0);
    expect(r.path).toMatch(/\/song\.mp3$/);
    const a = await srv.fetchLink(r);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('audio/mpeg');
    expect(a.body.length).toBeGreaterThan(1000);
    const v = await srv.fetchLink(await alice.call('getaudiolink', { fileid: clip.fileid }));
    expect(v.headers['content-type']).toBe('audio/mpeg');
  });

  it('passes an MP3 at or below the asked bitrate through untouched, and re-encodes above it', async () => {
    const same = await srv.fetchLink(await alice.call('getaudiolink', { fileid: song.fileid, abitrate: 192 }));
    expect(Buffer.compare(same.body, songBytes)).toBe(0);
    const lower = await srv.fetchLink(await alice.call('getaudiolink', { fileid: song.fileid, abitrate: 32 }));
    expect(lower.headers['content-type']).toBe('audio/mpeg');
    expect(Buffer.compare(lower.body, songBytes)).not.toBe(0);
    expect(lower.body.length).toBeLessThan(songBytes.length);
  });

  it('serves a progressive MP4 with Range support', async () => {
    const r = await alice.call('getvideolink', { fileid: clip.fileid, resolution: '160x120' });
    expect(r.result).toBe(0);
    const part = await srv.fetchLink(r, { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-type']).toBe('video/mp4');
    expect(part.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('lists a transcoded variant and the original', async () => {
    const r = await alice.call('getvideolinks', { fileid: clip.fileid });
    expect(r.variants).toHaveLength(2);
    expect(r.variants[0]).toMatchObject({ isoriginal: false, width: 320, height: 240, videocodec: 'h264', audiocodec: 'aac', fps: '25.00' });
    expect(r.variants[1]).toMatchObject({ isoriginal: true, width: 320, height: 240, videocodec: 'h264', audiosamplerate: 44100 });
    const orig = await srv.fetchLink(r.variants[1], { verb: 'HEAD' });
    expect(orig.status).toBe(200);
  });

  it('answers 2044 for files that are not media', async () => {
    const msg = { result: 2044, error: 'Video links can only be generated for videos.' };
    expect(await alice.call('getvideolink', { fileid: text.fileid })).toEqual(msg);
    expect(await alice.call('getvideolinks', { fileid: photo.fileid })).toEqual(msg);
    expect(await alice.call('gethlslink', { fileid: song.fileid })).toEqual(msg);
    expect(await alice.call('getaudiolink', { fileid: photo.fileid })).toEqual(msg);
  });

  it('answers 7010 to foreign web pages, not for thumbnails', async () => {
    const foreign = { headers: { Referer: 'https://evil.example/page' } };
    for (const m of ['gethlslink', 'getvideolink', 'getvideolinks', 'getaudiolink', 'gettextfile']) {
      expect(await alice.call(m, { fileid: clip.fileid }, foreign), m).toEqual({ result: 7010, error: 'Invalid link referer.' });
    }
    expect((await alice.call('getthumblink', { fileid: photo.fileid, size: '32x32' }, foreign)).result).toBe(0);
  });
});

describe('gettextfile', () => {
  it('re-encodes text, detecting the source charset by default', async () => {
    const r = await alice.send('gettextfile', { fileid: text.fileid });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.text).toBe('café crème');
    const utf16 = await alice.send('gettextfile', { fileid: text.fileid, fromencoding: 'iso-8859-1', toencoding: 'utf-16le' });
    expect(utf16.body.toString('utf16le')).toBe('café crème');
    const dl = await alice.send('gettextfile', { fileid: text.fileid, forcedownload: 1 });
    expect(dl.headers['content-disposition']).toContain('latin.txt');
  });

  it('answers errors as JSON', async () => {
    expect((await alice.call('gettextfile', { fileid: text.fileid, toencoding: 'no-such-charset' })).result).toBe(2061);
    expect((await alice.call('gettextfile', { fileid: text.fileid, fromencoding: 'bad name!' })).result).toBe(2061);
    expect((await alice.call('gettextfile', {})).result).toBe(1004);
    expect((await alice.call('gettextfile', { path: '/none.txt' })).result).toBe(2009);
  });
});
