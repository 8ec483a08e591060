import type { FileChooser, Page } from '@playwright/test';
import { test, expect, openApp, api, upload, type Account } from './fixtures';
import { createWriteStream, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

test.use({ signedInAs: 'account' });

let account: Account;

test.beforeEach(async ({ page, me }) => {
  account = me;
  await upload(account.token, 0, 'existing.txt', 'old content');
  await openApp(page);
});

async function listing(folderid: number) {
  return (await api<{ metadata: { contents: { name: string; isfolder: boolean; folderid?: number; fileid?: number }[] } }>('listfolder', { folderid }, account.token)).metadata.contents;
}

test('uploads files chosen with the picker and shows them without a reload', async ({ page }) => {
  const body = 'hello from the picker '.repeat(1000);
  await page.getByRole('button', { name: 'Upload' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Upload files…' }).click();
  await (await chooser).setFiles([{ name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from(body) }]);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('1 upload complete');
  await expect(page.getByRole('listbox').getByRole('option', { name: /picked\.txt/ })).toBeVisible();
  const file = (await listing(0)).find((m) => m.name === 'picked.txt')!;
  const sums = await api<{ sha1: string }>('checksumfile', { fileid: file.fileid! }, account.token);
  expect(sums.sha1).toBe(createHash('sha1').update(body).digest('hex'));
});

test('uploads a nested folder tree from the folder picker', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'tree-'));
  mkdirSync(join(root, 'Trip', 'Day 1'), { recursive: true });
  writeFileSync(join(root, 'Trip', 'plan.txt'), 'plan');
  writeFileSync(join(root, 'Trip', 'Day 1', 'photo.txt'), 'photo');
  await page.getByRole('button', { name: 'Upload' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Upload a folder…' }).click();
  await (await chooser).setFiles(join(root, 'Trip'));
  await expect(page.getByRole('region', { name: 'Uploads' }).getByRole('status')).toHaveText('2 uploads complete');
  await expect(page.getByRole('listbox').getByRole('option', { name: /Trip/ })).toBeVisible();
  const trip = (await listing(0)).find((m) => m.name === 'Trip')!;
  const inside = await listing(trip.folderid!);
  expect(inside.map((m) => m.name).sort()).toEqual(['Day 1', 'plan.txt']);
  const day = inside.find((m) => m.name === 'Day 1')!;
  expect((await listing(day.folderid!)).map((m) => m.name)).toEqual(['photo.txt']);
});

test('accepts files dropped onto the list and asks about a taken name', async ({ page }) => {
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['new content'], 'existing.txt', { type: 'text/plain' }));
    d.items.add(new File(['fresh'], 'dropped.txt', { type: 'text/plain' }));
    return d;
  });
  const zone = page.locator('.upload-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: dt });
  await expect(page.getByText('Drop to upload to')).toBeVisible();
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await zone.dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.getByRole('dialog', { name: 'A file with this name already exists' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('region', { name: 'Uploads' }).getByRole('status')).toHaveText('2 uploads complete');
  await expect.poll(async () => (await listing(0)).map((m) => m.name).sort()).toEqual(['dropped.txt', 'existing (2).txt', 'existing.txt']);
});

test('a failed upload stays in the queue with a reason and can be retried', async ({ page }) => {
  await page.route('**/uploadfile*', (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: 'Upload' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Upload files…' }).click();
  await (await chooser).setFiles([{ name: 'flaky.txt', mimeType: 'text/plain', buffer: Buffer.from('flaky') }]);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('1 upload failed');
  await expect(uploads).toContainText('The connection failed');
  await page.unroute('**/uploadfile*');
  await uploads.getByRole('button', { name: 'Retry flaky.txt' }).click();
  await expect(uploads.getByRole('status')).toHaveText('1 upload complete');
  await expect(page.getByRole('listbox').getByRole('option', { name: /flaky\.txt/ })).toBeVisible();
});

// ---- big files, pause/resume, reloads, quota, checksums, remote upload -------------------------

const MB = 1024 * 1024;

/** Writes `mb` MiB of varied bytes to a temp file (random-looking, not one repeated block). Returns path and sha1. */
async function bigFile(name: string, mb: number): Promise<{ path: string; sha1: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'upload-big-'));
  const path = join(dir, name);
  const sha1 = createHash('sha1');
  const block = randomBytes(MB);
  const out = createWriteStream(path);
  for (let i = 0; i < mb; i++) {
    block.writeUInt32BE(i, 0); // every MiB differs, so a chunk written at the wrong offset shows
    sha1.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, sha1: sha1.digest('hex'), dir };
}

function pick(page: Page, files: Parameters<FileChooser['setFiles']>[0]) {
  return (async () => {
    await page.getByRole('button', { name: 'Upload' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Upload files…' }).click();
    await (await chooser).setFiles(files);
  })();
}

async function progressOf(page: Page, name: string): Promise<number> {
  return Number((await page.getByRole('progressbar', { name: `${name} progress` }).getAttribute('value')) ?? 0);
}

async function sha1Of(name: string, folderid = 0): Promise<string> {
  const file = (await listing(folderid)).find((m) => m.name === name);
  if (!file) throw new Error(`${name} is not in the folder`);
  return (await api<{ sha1: string }>('checksumfile', { fileid: file.fileid! }, account.token)).sha1;
}

test('a 200 MB upload cut by a page reload goes on from where it stopped once the file is chosen again', async ({ page }) => {
  test.setTimeout(240_000);
  const big = await bigFile('big.bin', 200);
  try {
    await pick(page, big.path);
    const uploads = page.getByRole('region', { name: 'Uploads' });
    await expect(uploads.getByRole('status')).toHaveText('Uploading 1 file');
    // cut it once at least two chunks are on the server
    await expect.poll(() => progressOf(page, 'big.bin'), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(40 * MB);
    await page.reload();

    await expect(uploads.getByRole('status')).toHaveText('1 upload interrupted');
    await expect(uploads).toContainText('choose the file again to continue');
    // the wrong file is refused with a reason, and nothing is lost
    const again = page.waitForEvent('filechooser');
    await uploads.getByRole('button', { name: 'Choose big.bin again' }).click();
    await (await again).setFiles({ name: 'other.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('not it') });
    await expect(uploads).toContainText('That is not the same file');
    await expect(uploads.getByRole('status')).toHaveText('1 upload interrupted');

    const offsets: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/upload_write')) offsets.push(Number(new URL(r.url()).searchParams.get('uploadoffset')));
    });
    const same = page.waitForEvent('filechooser');
    await uploads.getByRole('button', { name: 'Choose big.bin again' }).click();
    await (await same).setFiles(big.path);
    await expect(uploads.getByRole('status')).toHaveText('1 upload complete', { timeout: 120_000 });
    // it resumed: the first chunk after the reload did not start at 0
    expect(offsets[0]).toBeGreaterThan(0);
    expect(await sha1Of('big.bin')).toBe(big.sha1);
    await expect(page.getByRole('listbox').getByRole('option', { name: /big\.bin/ })).toBeVisible();
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
});

test('a big upload pauses, resumes and survives a dropped connection', async ({ page }) => {
  test.setTimeout(180_000);
  const big = await bigFile('video.bin', 80);
  try {
    await pick(page, big.path);
    const uploads = page.getByRole('region', { name: 'Uploads' });
    await expect.poll(() => progressOf(page, 'video.bin'), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(0);
    await uploads.getByRole('button', { name: 'Pause video.bin' }).click();
    await expect(uploads.getByRole('status')).toHaveText('1 upload paused');
    const held = await progressOf(page, 'video.bin');
    await page.waitForTimeout(1000);
    expect(await progressOf(page, 'video.bin')).toBe(held);
    expect(held).toBeLessThan(80 * MB);

    // the next chunk's connection breaks once: it is sent again at the same offset
    let cut = 0;
    await page.route('**/upload_write*', (route) => (cut++ === 0 ? route.abort('connectionreset') : route.continue()));
    await uploads.getByRole('button', { name: 'Resume video.bin' }).click();
    await expect(uploads.getByRole('status')).toHaveText('1 upload complete', { timeout: 120_000 });
    expect(cut).toBeGreaterThan(1);
    expect(await sha1Of('video.bin')).toBe(big.sha1);
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
});

test('a server that refuses upload sessions gets big files through uploadfile instead', async ({ page }) => {
  test.setTimeout(180_000);
  const big = await bigFile('refused.bin', 70);
  try {
    await page.route('**/upload_create*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ result: 2003, error: 'Access denied. You do not have permissions to perform this operation.' }) }),
    );
    let writes = 0;
    page.on('request', (r) => {
      if (r.url().includes('/upload_write')) writes++;
    });
    await pick(page, big.path);
    const uploads = page.getByRole('region', { name: 'Uploads' });
    await expect(uploads.getByRole('status')).toHaveText('1 upload complete', { timeout: 120_000 });
    expect(writes).toBe(0);
    expect(await sha1Of('refused.bin')).toBe(big.sha1);
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
});

test('a full account gets a clear message, keeps the queue, and the retry works once space is freed', async ({ page }) => {
  test.setTimeout(120_000);
  // fill the quota cheaply: one file, then copies of it (the emulator stores identical content once)
  const info = await api<{ quota: number; usedquota: number }>('userinfo', {}, account.token);
  const size = Math.floor((info.quota - info.usedquota) / 256);
  const first = await upload(account.token, 0, 'filler-0.bin', randomBytes(size));
  for (let i = 1; i < 256; i++) await api('copyfile', { fileid: first, tofolderid: 0, toname: `filler-${i}.bin` }, account.token);
  await page.reload();

  await pick(page, [
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: randomBytes(4000) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x'.repeat(3000)) },
  ]);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('2 uploads failed');
  await expect(uploads.getByText('Not enough space left in your pCloud', { exact: false })).toHaveCount(2);
  await expect(uploads.getByRole('button', { name: 'Retry report.pdf' })).toBeVisible();

  // free space outside the app, then retry everything from the panel
  await api('deletefile', { path: '/filler-1.bin' }, account.token);
  await api('trash_clear', { folderid: 0 }, account.token);
  await uploads.getByRole('button', { name: 'Retry failed' }).click();
  await expect(uploads.getByRole('status')).toHaveText('2 uploads complete');
  expect((await listing(0)).map((m) => m.name)).toEqual(expect.arrayContaining(['report.pdf', 'notes.txt']));
});

test('a copy whose checksum does not match is reported and replaced by the retry', async ({ page }) => {
  // the server's reply claims other bytes than the ones sent
  await page.route('**/uploadfile*', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { checksums: { sha1: string }[] };
    json.checksums = json.checksums.map((c) => ({ ...c, sha1: '0'.repeat(40) }));
    await route.fulfill({ response, json });
  });
  await pick(page, { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: randomBytes(5000) });
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('1 upload failed');
  await expect(uploads).toContainText('does not match this file');
  await page.unroute('**/uploadfile*');
  await uploads.getByRole('button', { name: 'Retry photo.jpg' }).click();
  await expect(uploads.getByRole('status')).toHaveText('1 upload complete');
  expect((await listing(0)).filter((m) => m.name.startsWith('photo')).map((m) => m.name)).toEqual(['photo.jpg']);
});

test('uploads from links: pCloud fetches them and the dialog shows each one', async ({ page }) => {
  const content = 'fetched by the server '.repeat(500);
  const server = createServer((req, res) => {
    if (req.url === '/files/remote-notes.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(content) });
      res.end(content);
    } else {
      res.writeHead(404).end('missing');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('menuitem', { name: 'Upload from a link…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload from a link' });
    const field = dialog.getByLabel('Links, one per line');
    await field.fill('not a link');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Line 1 is not a web link');

    await field.fill(`http://127.0.0.1:${port}/files/remote-notes.txt\nhttp://127.0.0.1:${port}/files/gone.txt`);
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog.getByRole('status')).toHaveText('1 of 2 saved; 1 could not be fetched');
    await expect(dialog).toContainText('Saved as remote-notes.txt');
    await expect(dialog).toContainText('Could not be fetched');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('listbox').getByRole('option', { name: /remote-notes\.txt/ })).toBeVisible();
    expect(await sha1Of('remote-notes.txt')).toBe(createHash('sha1').update(content).digest('hex'));
  } finally {
    server.close();
  }
});

test('many small files travel together in a few requests, each stored intact', async ({ page }) => {
  let requests = 0;
  page.on('request', (r) => {
    if (r.url().includes('/uploadfile')) requests++;
  });
  const files = Array.from({ length: 12 }, (_, n) => ({ name: `note-${n}.txt`, mimeType: 'text/plain', buffer: randomBytes(2000 + n) }));
  await pick(page, files);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('12 uploads complete');
  expect(requests).toBeLessThan(12);
  for (const f of files) expect(await sha1Of(f.name)).toBe(createHash('sha1').update(f.buffer).digest('hex'));
});
