import { test, expect, openApp, api, upload, option, contextMenu as runFromContextMenu, API_URL, type Account } from './fixtures';

interface ListedLink {
  linkid: number;
  code: string;
  downloads: number;
  maxdownloads?: number;
  maxtraffic?: number;
  shortcode?: string;
  expires?: string;
  metadata: { name: string };
}
interface ListedUploadLink {
  uploadlinkid: number;
  code: string;
  comment: string;
  files: number;
  maxfiles?: number;
}

const publinks = async (token: string) => (await api<{ publinks: ListedLink[] }>('listpublinks', {}, token)).publinks;
const uploadLinks = async (token: string) => (await api<{ uploadlinks: ListedUploadLink[] }>('listuploadlinks', {}, token)).uploadlinks;

/** A visitor downloads through the link once (anonymous, no referer: a server-side client). */
async function downloadThroughLink(code: string): Promise<void> {
  const dl = await api<{ hosts: string[]; path: string }>('getpublinkdownload', { code });
  const res = await fetch(`${new URL(API_URL).protocol}//${dl.hosts[0]}${dl.path}`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

// link methods need a verified e-mail (2014); one test is about an account that has not verified it
test.use({ signedInAs: 'verified' });

let account: Account;

test.beforeEach(async ({ me }) => {
  account = me;
  await upload(account.token, 0, 'report.txt', 'quarterly report');
  await upload(account.token, 0, 'notes.txt', 'first notes');
  await api('createfolder', { folderid: 0, name: 'Inbox' }, account.token);
});

test('public link for a file: create with a limit, copy, QR, then list, edit and delete it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);

  await runFromContextMenu(page, 'report.txt', 'Get public link…');
  const dialog = page.getByRole('dialog', { name: 'Public link to “report.txt”' });
  await dialog.getByLabel('Maximum downloads').fill('5');
  await dialog.getByRole('button', { name: 'Create link' }).click();

  const url = dialog.getByRole('textbox', { name: 'Link to share' });
  await expect(url).toHaveValue(/\/publink\/show\?code=\w+$/);
  await expect(dialog.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
  await expect(dialog.getByText('0 of 5')).toBeVisible();
  const shared = await url.inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to the clipboard')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);

  const [created] = await publinks(account.token);
  expect(created.maxdownloads).toBe(5);
  expect(shared).toContain(created.code);

  // asking again shows the same link instead of making a second one
  await page.keyboard.press('Escape');
  await runFromContextMenu(page, 'report.txt', 'Get public link…');
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Link to share' })).toHaveValue(shared);
  expect(await publinks(account.token)).toHaveLength(1);
  await page.keyboard.press('Escape');

  await downloadThroughLink(created.code);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Links' }).click();
  await expect(page.getByRole('tab', { name: 'Public links' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('table', { name: 'Public links' }).getByRole('row').filter({ hasText: 'report.txt' });
  await expect(row).toContainText('1 of 5');
  await expect(row).toContainText('Never');
  await expect(row.getByRole('link', { name: /report\.txt/ })).toHaveAttribute('href', /\/folder\/\d+\?view=\d+$/);

  // edit: give it an expiry day
  await row.getByRole('button', { name: 'Change the link to report.txt' }).click();
  const edit = page.getByRole('dialog', { name: 'Change the link to “report.txt”' });
  await expect(edit.getByLabel('Maximum downloads')).toHaveValue('5');
  await edit.getByLabel('Expires after').fill('2031-03-15');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(/2031/);
  const changed = (await publinks(account.token))[0];
  expect(new Date(changed.expires!).getFullYear()).toBe(2031);

  // delete, with confirmation
  await row.getByRole('button', { name: 'Delete the link to report.txt' }).click();
  await page.getByRole('dialog', { name: 'Delete the link to “report.txt”?' }).getByRole('button', { name: 'Delete link' }).click();
  await expect(page.getByRole('heading', { name: 'No public links yet' })).toBeVisible();
  expect(await publinks(account.token)).toHaveLength(0);
});

test('a tree link from a two-item selection', async ({ page }) => {
  await openApp(page);
  await option(page, 'report.txt').click();
  await option(page, 'notes.txt').click({ modifiers: ['Control'] });
  await runFromContextMenu(page, 'notes.txt', 'Get public link…');
  const dialog = page.getByRole('dialog', { name: 'Public link to 2 items' });
  const name = dialog.getByLabel('Name shown to visitors');
  await name.fill('');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Give the shared selection a name' })).toBeVisible();
  await name.fill('Two files');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Link to share' })).toHaveValue(/\/publink\/show\?code=/);

  const [link] = await publinks(account.token);
  expect(link.metadata.name).toBe('Two files');
  const shown = await api<{ metadata: { contents: { name: string }[] } }>('showpublink', { code: link.code });
  expect(shown.metadata.contents.map((c) => c.name).sort()).toEqual(['notes.txt', 'report.txt']);
});

test('a folder link changed and deleted from the dialog itself', async ({ page }) => {
  await openApp(page);
  await runFromContextMenu(page, 'Inbox', 'Get public link…');
  const dialog = page.getByRole('dialog', { name: 'Public link to “Inbox”' });
  await dialog.getByLabel('Maximum traffic', { exact: true }).fill('abc');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Enter a size above 0' })).toBeVisible();
  await dialog.getByLabel('Maximum traffic', { exact: true }).fill('2');
  await dialog.getByRole('combobox', { name: 'Maximum traffic: unit' }).selectOption('GB');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByText('0 B of 2 GB')).toBeVisible();

  await dialog.getByRole('button', { name: 'Change options' }).click();
  await dialog.getByLabel('Also make a short link').check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('button', { name: 'Copy short link' })).toBeVisible();
  const [link] = await publinks(account.token);
  expect(link).toMatchObject({ maxtraffic: 2 * 1024 ** 3, shortcode: expect.any(String) });

  await dialog.getByRole('button', { name: 'Delete link' }).click();
  await dialog.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete link' }).click();
  await expect(dialog.getByRole('button', { name: 'Create link' })).toBeVisible();
  expect(await publinks(account.token)).toHaveLength(0);
});

test('an upload link for a folder: comment required, listed with counters, deleted', async ({ page }) => {
  await openApp(page);
  await runFromContextMenu(page, 'Inbox', 'Create upload link…');
  const dialog = page.getByRole('dialog', { name: 'Upload link to “Inbox”' });
  await dialog.getByLabel('Maximum files').fill('10');
  await dialog.getByRole('button', { name: 'Create upload link' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Write a few words' })).toBeVisible();
  await expect(dialog.getByLabel('Maximum files')).toHaveValue('10');
  await dialog.getByLabel('Message for uploaders').fill('Please drop the <b>slides</b> here');
  await dialog.getByRole('button', { name: 'Create upload link' }).click();

  await expect(dialog.getByRole('textbox', { name: 'Upload link to share' })).toHaveValue(/\/puplink\?code=\w+$/);
  await expect(dialog.getByRole('img', { name: 'QR code of the upload link' })).toBeVisible();
  const [link] = await uploadLinks(account.token);
  expect(link.comment).toBe('Please drop the <b>slides</b> here');
  await expect(dialog.getByText(/@/)).toBeVisible();

  // someone uploads one file
  const fd = new FormData();
  fd.append('file', new Blob(['slide deck']), 'slides.txt');
  const res = await fetch(`${API_URL}/uploadtolink?code=${link.code}&names=Visitor`, { method: 'POST', body: fd });
  expect(((await res.json()) as { result: number }).result).toBe(0);

  await dialog.getByRole('link', { name: 'Manage upload links' }).click();
  await expect(page).toHaveURL(/\/links\?tab=upload$/);
  await expect(page.getByRole('tab', { name: 'Upload links' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('table', { name: 'Upload links' }).getByRole('row').filter({ hasText: 'Inbox' });
  await expect(row).toContainText('Please drop the <b>slides</b> here');
  await expect(row).toContainText('1 of 10');

  await row.getByRole('button', { name: 'Delete the upload link to Inbox' }).click();
  await page.getByRole('dialog', { name: 'Delete the upload link to “Inbox”?' }).getByRole('button', { name: 'Delete link' }).click();
  await expect(page.getByRole('heading', { name: 'No upload links yet' })).toBeVisible();
  expect(await uploadLinks(account.token)).toHaveLength(0);

  // the tab survives a reload; the keyboard moves between tabs
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Upload links' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Upload links' }).press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Public links' })).toBeFocused();
  await expect(page).toHaveURL(/\/links$/);
});

test.describe(() => {
  test.use({ signedInAs: 'account' });

  test('an unverified account is told why, keeps its input, and can ask for the e-mail', async ({ page }) => {
    await openApp(page);
    await runFromContextMenu(page, 'report.txt', 'Get public link…');
    const dialog = page.getByRole('dialog', { name: 'Public link to “report.txt”' });
    await dialog.getByLabel('Maximum downloads').fill('3');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'once your e-mail address is verified' })).toBeVisible();
    await expect(dialog.getByLabel('Maximum downloads')).toHaveValue('3');
    await dialog.getByRole('button', { name: 'Send verification e-mail' }).click();
    await expect(page.getByText(/Verification e-mail sent/)).toBeVisible();
  });
});
