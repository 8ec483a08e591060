// Thumbnails (docs/pcloud/methods-media.md §3): sizes, fit/crop, types, errors, batches, bytes, cache, savethumb.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let photo: Json; // 400x300 JPEG
let small: Json; // 40x30 PNG
let clip: Json; // 320x240 MP4
let text: Json;
let broken: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3070c0' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#ff000080' } }).png().toBuffer();
  const dir = mkdtempSync(join(tmpdir(), 'thumbs-test-'));
  execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(dir, 'c.mp4')]);
  const mp4 = readFileSync(join(dir, 'c.mp4'));
  rmSync(dir, { recursive: true, force: true });
  [photo, small, clip, text, broken] = await Promise.all([
    alice.upload('photo.jpg', jpeg),
    alice.upload('small.png', png),
    alice.upload('clip.mp4', mp4),
    alice.upload('notes.txt', 'hello'),
    alice.upload('broken.jpg', 'this is not a jpeg at all'),
  ]);
});
afterAll(() => srv.close());

async function fetchImage(link: Json): Promise<{ type: string; width: number; height: number; format: string }> {
  const r = await srv.fetchLink(link);
  expect(r.status).toBe(200);
  expect(r.headers['access-control-allow-origin']).toBe('*');
  const m = await sharp(r.body).metadata();
  return { type: String(r.headers['content-type']), width: m.width!, height: m.height!, format: m.format };
}

describe('thumb sizes', () => {
  it('answers 1015 outside 16..2048 x 16..1024 or not divisible by 4 or 5', async () => {
    for (const size of ['15x16', '16x15', '17x20', '2052x100', '100x1028', '2049x16', 'abc', '120', '-16x16']) {
      expect((await alice.call('getthumblink', { fileid: photo.fileid, size })).result, size).toBe(1015);
    }
    expect((await alice.call('getthumblink', { fileid: photo.fileid })).result).toBe(1015);
    for (const size of ['16x16', '25x25', '2048x1024', '35x44']) {
      expect((await alice.call('getthumblink', { fileid: photo.fileid, size })).result, size).toBe(0);
    }
  });

  it('keeps the aspect ratio by default, never enlarges, and crops to the exact size with crop', async () => {
    const fit = await alice.call('getthumblink', { fileid: photo.fileid, size: '120x120' });
    expect(fit).toMatchObject({ result: 0, size: '120x90', hosts: [`127.0.0.1:${srv.port}`] });
    expect(fit.path).toMatch(new RegExp(`/th-${photo.fileid}-120x90\\.jpg$`));
    expect(await fetchImage(fit)).toMatchObject({ type: 'image/jpeg', width: 120, height: 90, format: 'jpeg' });
    const crop = await alice.call('getthumblink', { fileid: photo.fileid, size: '120x120', crop: 1 });
    expect(crop.size).toBe('120x120');
    expect(await fetchImage(crop)).toMatchObject({ width: 120, height: 120 });
    const tiny = await alice.call('getthumblink', { path: '/small.png', size: '256x256' });
    expect(tiny.size).toBe('40x30');
  });

  it('produces PNG and WebP with type', async () => {
    const png = await alice.call('getthumblink', { fileid: small.fileid, size: '32x32', type: 'png' });
    expect(png.path.endsWith('.png')).toBe(true);
    expect(await fetchImage(png)).toMatchObject({ type: 'image/png', format: 'png', width: 32, height: 24 });
    const webp = await alice.call('getthumblink', { fileid: photo.fileid, size: '64x64', type: 'webp' });
    expect(await fetchImage(webp)).toMatchObject({ type: 'image/webp', format: 'webp', width: 64, height: 48 });
  });

  it('grabs a frame of a video', async () => {
    const r = await alice.call('getthumblink', { fileid: clip.fileid, size: '160x160' });
    expect(r).toMatchObject({ result: 0, size: '160x120' });
    expect(await fetchImage(r)).toMatchObject({ width: 160, height: 120 });
  });
});

describe('thumb errors', () => {
  it('answers 1004, 2009, 1014 and 3001', async () => {
    expect((await alice.call('getthumblink', { size: '32x32' })).result).toBe(1004);
    expect((await alice.call('getthumblink', { path: '/none.jpg', size: '32x32' })).result).toBe(2009);
    expect(await alice.call('getthumblink', { fileid: text.fileid, size: '32x32' })).toEqual({ result: 1014, error: 'Thumb can not be created from this file type.' });
    expect(await alice.call('getthumblink', { fileid: broken.fileid, size: '32x32' })).toEqual({ result: 3001, error: 'Could not create thumb from the given file.' });
    const bob = await srv.user();
    expect((await bob.call('getthumblink', { fileid: photo.fileid, size: '32x32' })).result).toBe(2009);
  });
});

describe('getthumbslinks', () => {
  it('answers one entry per id with its own result', async () => {
    const r = await alice.call('getthumbslinks', { fileids: `${photo.fileid},${text.fileid},99999999,${broken.fileid}`, size: '120x120', crop: 1 });
    expect(r.result).toBe(0);
    expect(r.thumbs).toHaveLength(4);
    expect(r.thumbs[0]).toMatchObject({ fileid: photo.fileid, result: 0, size: '120x120' });
    expect(await fetchImage(r.thumbs[0])).toMatchObject({ width: 120, height: 120 });
    expect(r.thumbs[1]).toEqual({ fileid: text.fileid, result: 1014, error: 'Thumb can not be created from this file type.' });
    expect(r.thumbs[2]).toMatchObject({ fileid: 99999999, result: 2009 });
    expect(r.thumbs[3]).toMatchObject({ fileid: broken.fileid, result: 3001 });
  });

  it('answers 1038 without fileids and 1015 for a bad size', async () => {
    expect((await alice.call('getthumbslinks', { size: '32x32' })).result).toBe(1038);
    expect((await alice.call('getthumbslinks', { fileids: String(photo.fileid), size: '33x33' })).result).toBe(1015);
  });
});

describe('getthumb', () => {
  it('returns image bytes over the API, errors as JSON', async () => {
    const r = await alice.send('getthumb', { fileid: photo.fileid, size: '200x200', type: 'png' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    const m = await sharp(r.body).metadata();
    expect([m.format, m.width, m.height]).toEqual(['png', 200, 150]);
    expect((await alice.call('getthumb', { fileid: text.fileid, size: '32x32' })).result).toBe(1014);
  });

  it('reuses the cached thumbnail', async () => {
    const dir = join(srv.dataDir, 'cache', 'thumbs');
    const files = () => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('-f.jpg'));
    await alice.call('getthumblink', { fileid: photo.fileid, size: '100x100' });
    const before = files();
    const thumb = before.find((f) => f.includes('-100x100-'))!;
    expect(thumb).toBeDefined();
    const mtime = statSync(join(dir, thumb)).mtimeMs;
    const again = await alice.call('getthumblink', { fileid: photo.fileid, size: '100x100' });
    expect(again.size).toBe('100x75');
    expect(files()).toEqual(before);
    expect(statSync(join(dir, thumb)).mtimeMs).toBe(mtime);
  });
});

describe('savethumb', () => {
  it('stores the thumbnail as a file and honours noover', async () => {
    const r = await alice.call('savethumb', { fileid: photo.fileid, size: '64x64', crop: 1, topath: '/photo-thumb.jpg' });
    expect(r).toMatchObject({ result: 0, width: 64, height: 64, metadata: { name: 'photo-thumb.jpg', width: 64, height: 64, parentfolderid: 0 } });
    const link = await alice.call('getfilelink', { fileid: r.metadata.fileid });
    expect(await fetchImage(link)).toMatchObject({ width: 64, height: 64, format: 'jpeg' });
    expect((await alice.call('savethumb', { fileid: photo.fileid, size: '64x64', topath: '/photo-thumb.jpg', noover: 1 })).result).toBe(2004);
    const d = await alice.mkdir('thumbs');
    const byId = await alice.call('savethumb', { fileid: photo.fileid, size: '32x32', type: 'png', tofolderid: d.folderid, toname: 't.png' });
    expect(byId).toMatchObject({ result: 0, width: 32, height: 24, metadata: { name: 't.png', parentfolderid: d.folderid } });
    const sameName = await alice.call('savethumb', { fileid: photo.fileid, size: '32x32', tofolderid: d.folderid });
    expect(sameName.metadata.name).toBe('photo.jpg');
    expect((await alice.call('savethumb', { fileid: photo.fileid, size: '32x32' })).result).toBe(1016);
    expect((await alice.call('savethumb', { fileid: text.fileid, size: '32x32', topath: '/x.jpg' })).result).toBe(1014);
  });
});
