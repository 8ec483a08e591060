// What a new user sees first (issue 15, item 6): toolbar labels where there is room, a context menu
// with icons in groups, an opaque viewer, Download for several items, and uploads that shrink to a
// chip when done.
import { test, expect, openApp, option, upload } from './fixtures';

test.use({ signedInAs: 'account' });

test('the toolbar has labels on a desktop and named icons on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const toolbar = page.getByRole('toolbar', { name: 'File actions' });
  for (const label of ['New folder', 'Download', 'Move to trash']) await expect(toolbar.getByRole('button', { name: label }).getByText(label)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  const download = toolbar.getByRole('button', { name: 'Download' });
  await expect(download.getByText('Download')).toBeHidden();
  await expect(download).toHaveAttribute('title', /Download/);
});

test('the context menu shows icons in groups, with the delete apart', async ({ page, me }) => {
  await upload(me.token, 0, 'a.txt', 'a');
  await openApp(page);
  await option(page, 'a.txt').click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /Open/ })).toBeVisible();
  expect(await menu.locator('[role=group]').count()).toBeGreaterThanOrEqual(3);
  expect(await menu.getByRole('separator').count()).toBe((await menu.locator('[role=group]').count()) - 1);
  const items = await menu.getByRole('menuitem').count();
  expect(await menu.locator('.menu-item svg').count()).toBe(items);
  const groups = menu.locator('[role=group]');
  await expect(groups.last().getByRole('menuitem')).toHaveText(['Move to trash' + (await groups.last().locator('kbd').textContent())]);
});

test('the viewer is opaque: the list does not show through', async ({ page, me }) => {
  const id = await upload(me.token, 0, 'notes.txt', 'hello\n');
  await openApp(page);
  await page.goto(`/folder/0?view=${id}`);
  await expect(page.getByRole('dialog', { name: 'notes.txt' })).toBeVisible();
  const bg = await page.locator('.viewer-overlay').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toMatch(/^rgb\(/); // rgb(), not rgba(): no transparency
  expect(await page.locator('.viewer').evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(/);
});

test('Download in the toolbar takes several files at once', async ({ page, me }) => {
  await upload(me.token, 0, 'one.txt', '1');
  await upload(me.token, 0, 'two.txt', '2');
  await openApp(page);
  await option(page, 'one.txt').click();
  await option(page, 'two.txt').click({ modifiers: ['ControlOrMeta'] });
  const download = page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Download' });
  await expect(download).toBeEnabled();
  await download.click();
  // a zip where the sign-in may make one, else the same dialog offers the files one by one
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByText(/zip|one by one/i).first()).toBeVisible();
});

test('a finished upload shrinks to a chip that leaves the phone navigation free', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await page.getByRole('button', { name: 'Upload' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Upload files…' }).click();
  await (await chooser).setFiles([{ name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') }]);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads.getByRole('status')).toHaveText('1 upload complete');
  await expect(uploads.getByRole('list')).toHaveCount(0);
  await expect(uploads.getByRole('button', { name: 'Show uploads' })).toBeVisible();
  const chip = (await uploads.boundingBox())!;
  const nav = (await page.getByRole('navigation', { name: 'Sections' }).boundingBox())!;
  expect(chip.y + chip.height).toBeLessThanOrEqual(nav.y);
  expect(chip.height).toBeLessThanOrEqual(60);
});
