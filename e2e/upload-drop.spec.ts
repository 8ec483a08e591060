// The upload-link drop page as a stranger uses it: no session, a name, several files, progress and
// a summary; a link that fills up mid-way keeps the rest of the queue for a retry; unusable links
// get their own pages.
import type { Browser, Page } from '@playwright/test';
import { test, expect, anonymousPage, newAccount, names, newFolder, verify, watchCredentials, api, API_URL, type Account } from './fixtures';

let owner: Account;
let inbox: number;

// the owner is only ever called through the API (never signed in), so one of the spec's own
test.beforeAll(async () => {
  owner = await newAccount();
  await verify(owner);
  inbox = await newFolder(owner.token, 'Inbox');
});

const createLink = (params: Record<string, string | number> = {}) =>
  api<{ code: string; uploadlinkid: number }>('createuploadlink', { folderid: inbox, comment: 'Anna here — please drop the conference slides. <b>thanks</b>', ...params }, owner.token);

const inboxNames = () => names(owner.token, inbox);

async function stranger(browser: Browser, viewport?: { width: number; height: number }) {
  const { context, page } = await anonymousPage(browser, viewport);
  return { context, page, leaks: watchCredentials(page) };
}

async function choose(page: Page, files: { name: string; body: string }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.body) })));
}

test('a visitor gives their name, uploads two files and sees them done; the owner has them', async ({ browser }) => {
  const { code } = await createLink();
  const { context, page, leaks } = await stranger(browser);
  await page.goto(`/puplink?code=${code}`);
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
  // the owner's comment is shown as text, markup and all
  await expect(page.getByText('Anna here — please drop the conference slides. <b>thanks</b>')).toBeVisible();
  expect(await page.locator('blockquote b').count()).toBe(0);

  await choose(page, [{ name: 'slides.txt', body: 'slide one\n'.repeat(20_000) }]);
  // the second one is dropped onto the zone
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['speaker notes'], 'notes.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.getByText('Drag files here, or').dispatchEvent('drop', { dataTransfer: dropped });
  const queue = page.getByRole('list', { name: 'Files to upload' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);

  // the name is required
  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: 'Upload 2 files' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please enter your name' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeFocused();

  await page.getByLabel('Your name').fill('Bob Visitor');
  await page.getByRole('button', { name: 'Upload 2 files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All 2 files were uploaded' })).toBeVisible();
  await expect(queue.getByText('Uploaded')).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('progress')].every((p) => p.value === p.max))).toBe(true);

  expect((await inboxNames()).sort()).toEqual(['notes.txt', 'slides.txt']);
  expect(leaks).toEqual([]);
  await context.close();
});

test('a link that reaches its file limit keeps the rest of the queue for a retry', async ({ browser }) => {
  const link = await createLink({ maxfiles: 1 });
  const { context, page } = await stranger(browser);
  await page.goto(`/puplink?code=${link.code}`);
  await page.getByLabel('Your name').fill('Carol');
  await choose(page, [
    { name: 'first.txt', body: 'one' },
    { name: 'second.txt', body: 'two' },
  ]);
  await page.getByRole('button', { name: 'Upload 2 files' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This upload link has received all the files it accepts' })).toBeVisible();
  const queue = page.getByRole('list', { name: 'Files to upload' });
  await expect(queue.getByRole('listitem').filter({ hasText: 'first.txt' })).toContainText('Uploaded');
  await expect(queue.getByRole('listitem').filter({ hasText: 'second.txt' })).toContainText('Failed');

  // the owner lifts the limit; the same queue goes through
  await api('changeuploadlink', { uploadlinkid: link.uploadlinkid, maxfiles: 0 }, owner.token);
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All 2 files were uploaded' })).toBeVisible();
  expect(await inboxNames()).toEqual(expect.arrayContaining(['first.txt', 'second.txt']));
  await context.close();
});

test('unknown, deleted, expired, full and file-limited links each get their own page', async ({ browser }) => {
  const deleted = await createLink();
  await api('deleteuploadlink', { uploadlinkid: deleted.uploadlinkid }, owner.token);
  const expired = await createLink();
  await api('changeuploadlink', { uploadlinkid: expired.uploadlinkid, expire: '2001-01-01T00:00:00' }, owner.token);
  const full = await createLink({ maxspace: 5 });
  const filled = await createLink({ maxfiles: 1 });
  for (const [code, name] of [
    [full.code, 'full.txt'],
    [filled.code, 'only.txt'],
  ]) {
    const fd = new FormData();
    fd.append('file', new Blob(['12345']), name);
    await fetch(`${API_URL}/uploadtolink?code=${code}&names=Owner`, { method: 'POST', body: fd });
  }

  const { context, page } = await stranger(browser);
  const cases: [string, string][] = [
    ['doesNotExist000000000000000000', 'This upload link does not exist'],
    [deleted.code, 'This upload link was deleted'],
    [expired.code, 'This upload link has expired'],
    [full.code, 'This upload link is full'],
    [filled.code, 'This upload link has received all the files it accepts'],
  ];
  for (const [code, title] of cases) {
    await page.goto(`/puplink?code=${code}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose files' })).toHaveCount(0);
  }
  await context.close();
});

test('on a phone the drop page fits the screen', async ({ browser }) => {
  const { code } = await createLink();
  const { context, page } = await stranger(browser, { width: 390, height: 844 });
  await page.goto(`/puplink?code=${code}`);
  await page.getByLabel('Your name').fill('Dana');
  await choose(page, [{ name: `a-very-long-file-name-that-should-not-push-the-page-sideways-${'x'.repeat(60)}.txt`, body: 'x' }]);
  await expect(page.getByRole('list', { name: 'Files to upload' }).getByRole('listitem')).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/b-phone-drop.png', fullPage: true });
  await context.close();
});
