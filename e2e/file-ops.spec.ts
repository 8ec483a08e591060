import { test, expect, openApp, api, upload, names, list, option, type Account } from './fixtures';

test.use({ signedInAs: 'account' });

let account: Account;
let docs: number;
let archive: number;

test.beforeEach(async ({ page, me }) => {
  account = me;
  docs = (await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Docs' }, account.token)).metadata.folderid;
  archive = (await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Archive' }, account.token)).metadata.folderid;
  await upload(account.token, 0, 'notes.txt', 'first notes');
  await upload(account.token, 0, 'report.txt', 'quarterly report');
  await upload(account.token, archive, 'notes.txt', 'older notes');
  await openApp(page);
});

test('creates a folder from the toolbar', async ({ page }) => {
  await page.getByRole('button', { name: 'New folder' }).first().click();
  await page.getByLabel('Folder name').fill('Plans <2027>');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(option(page, 'Plans <2027>')).toBeVisible();
  expect(await names(account.token, 0)).toContain('Plans <2027>');
});

test('rejects an invalid folder name and keeps the input', async ({ page }) => {
  await page.getByRole('button', { name: 'New folder' }).first().click();
  await page.getByLabel('Folder name').fill('a/b');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot contain' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toBeDisabled();
  await expect(page.getByLabel('Folder name')).toHaveValue('a/b');
});

test('renames inline with F2', async ({ page }) => {
  await option(page, 'report.txt').click();
  await list(page).press('F2');
  const input = page.getByLabel('New name for report.txt');
  await input.fill('report 2026.txt');
  await input.press('Enter');
  await expect(option(page, 'report 2026.txt')).toBeVisible();
  expect(await names(account.token, 0)).toContain('report 2026.txt');
});

test('the "…" button offers every action for the selection, from mouse and keyboard', async ({ page }) => {
  await option(page, 'report.txt').click();
  await page.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /Versions/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /Get public link/ })).toBeVisible();
  await menu.getByRole('menuitem', { name: /^Rename/ }).click();
  const input = page.getByLabel('New name for report.txt');
  await input.fill('renamed from menu.txt');
  await input.press('Enter');
  await expect(option(page, 'renamed from menu.txt')).toBeVisible();
  // from the keyboard: Enter opens it with the first item focused, Escape closes it
  await page.getByRole('button', { name: 'More actions' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  expect(await names(account.token, 0)).toContain('renamed from menu.txt');
});

test('moves with the folder picker', async ({ page }) => {
  await option(page, 'report.txt').click();
  await page.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Docs' }).click();
  await page.getByRole('button', { name: /Move to “Docs”/ }).click();
  await expect(option(page, 'report.txt')).toHaveCount(0);
  await expect.poll(() => names(account.token, docs)).toEqual(['report.txt']);
});

test('copies by the picker and answers a conflict with keep both', async ({ page }) => {
  await option(page, 'notes.txt').click();
  await page.getByRole('button', { name: 'Copy to…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('button', { name: /Copy to “Archive”/ }).click();
  await expect(page.getByRole('dialog', { name: 'This name is already taken' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect.poll(() => names(account.token, archive)).toEqual(['notes (2).txt', 'notes.txt']);
});

test('moves by drag and drop onto a folder, and replace overwrites', async ({ page }) => {
  // a real DataTransfer carried through dragstart → dragover → drop, as Chromium does
  const dt = await page.evaluateHandle(() => new DataTransfer());
  await option(page, 'notes.txt').dispatchEvent('dragstart', { dataTransfer: dt });
  await option(page, 'Archive').dispatchEvent('dragover', { dataTransfer: dt });
  await option(page, 'Archive').dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.getByRole('dialog', { name: 'This name is already taken' })).toBeVisible();
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(option(page, 'notes.txt')).toHaveCount(0);
  await expect.poll(() => names(account.token, archive)).toEqual(['notes.txt']);
});

test('deletes to trash with undo', async ({ page }) => {
  // the page's clock: the 5 s undo window passes when the test says so, not when a loaded machine does
  await page.clock.install();
  await page.reload();
  await option(page, 'report.txt').click();
  await list(page).press('Delete');
  await expect(option(page, 'report.txt')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(option(page, 'report.txt')).toBeVisible();
  await page.clock.fastForward(5500);
  expect(await names(account.token, 0)).toContain('report.txt');
  await option(page, 'report.txt').click();
  await list(page).press('Delete');
  await page.clock.fastForward(5500);
  await expect.poll(() => names(account.token, 0), { timeout: 15_000 }).not.toContain('report.txt');
});

test('a change made elsewhere shows up without a reload', async ({ page }) => {
  await expect(option(page, 'report.txt')).toBeVisible();
  await api('createfolder', { folderid: 0, name: 'Made by the CLI' }, account.token);
  await expect(option(page, 'Made by the CLI')).toBeVisible({ timeout: 10_000 });
});

test('a failing request keeps the listing and says why', async ({ page }) => {
  await expect(option(page, 'report.txt')).toBeVisible();
  await page.route('**/createfolder', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'New folder' }).first().click();
  await page.getByLabel('Folder name').fill('Offline attempt');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not create' })).toBeVisible();
  // the dialog stays open with what the user typed, and the listing is still there behind it
  await expect(page.getByLabel('Folder name')).toHaveValue('Offline attempt');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(option(page, 'report.txt')).toBeVisible();
});

test('moves by dropping onto a breadcrumb', async ({ page }) => {
  await upload(account.token, docs, 'draft.txt', 'a draft');
  await option(page, 'Docs').dblclick();
  await expect(option(page, 'draft.txt')).toBeVisible();
  const dt = await page.evaluateHandle(() => new DataTransfer());
  await option(page, 'draft.txt').dispatchEvent('dragstart', { dataTransfer: dt });
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'My files' });
  await crumb.dispatchEvent('dragover', { dataTransfer: dt });
  await crumb.dispatchEvent('drop', { dataTransfer: dt });
  await expect(option(page, 'draft.txt')).toHaveCount(0);
  await expect.poll(() => names(account.token, 0)).toContain('draft.txt');
  expect(await names(account.token, docs)).toEqual([]);
});
