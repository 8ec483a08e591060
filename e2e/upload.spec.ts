import { test, expect, newAccount, signIn, api, upload, type Account } from './fixtures';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

let account: Account;

test.beforeEach(async ({ page }) => {
  account = await newAccount();
  await upload(account.token, 0, 'existing.txt', 'old content');
  await signIn(page, account);
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
