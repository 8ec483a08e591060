// Issue 18: header search, type chips, open containing folder, a command on a result, Recent after
// an upload, the photo timeline's first screen, the shortcut sheet.
import { test, expect, openApp, upload, newFolder } from './fixtures';

test.use({ signedInAs: 'account' });

// a 1×1 PNG: a real image for the timeline's thumbnails
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('header search finds files anywhere, filters by type, opens the containing folder', async ({ page, me }) => {
  const trip = await newFolder(me.token, 'Sommer Urlaub');
  await upload(me.token, trip, 'Crème Brûlée.jpg', PNG);
  await upload(me.token, 0, 'creme recipe.txt', 'text');
  await openApp(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search all files' })).toBeFocused();
  await page.keyboard.type('CREME');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=CREME/);
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(2);
  const photo = results.getByRole('option', { name: /Crème Brûlée\.jpg/ });
  await expect(photo).toContainText('in /Sommer Urlaub');
  await expect(photo.locator('mark')).toHaveText('Crème');

  await page.getByRole('button', { name: 'Images' }).click();
  await expect(page).toHaveURL(/type=image/);
  await expect(results.getByRole('option')).toHaveCount(1);
  await page.goBack();
  await expect(results.getByRole('option')).toHaveCount(2);

  await photo.click();
  await page.getByRole('button', { name: 'Open containing folder' }).click();
  await expect(page).toHaveURL(new RegExp(`/folder/${trip}$`));
});

test('a command runs on a result and the list follows', async ({ page, me }) => {
  await upload(me.token, 0, 'old invoice.pdf', 'pdf');
  await openApp(page);
  await page.goto('/search?q=invoice');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await results.getByRole('option', { name: /old invoice\.pdf/ }).click();
  await page.keyboard.press('Delete');
  await expect(results).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Nothing is called “invoice”' })).toBeVisible();
});

test('Recent lists a new upload; Photos shows images by month; ? lists the shortcuts', async ({ page, me }) => {
  await upload(me.token, 0, 'fresh upload.txt', 'new');
  await upload(me.token, 0, 'holiday.png', PNG);
  await openApp(page);
  await page.getByRole('link', { name: 'Recent' }).click();
  const recent = page.getByRole('listbox', { name: 'Files changed lately' });
  await expect(recent.getByRole('option', { name: /fresh upload\.txt/ })).toBeVisible();
  await expect(recent.getByText('Today')).toBeVisible();

  await page.getByRole('link', { name: 'Photos' }).click();
  const photos = page.getByRole('listbox', { name: 'Photos by date' });
  await expect(photos.getByRole('option', { name: /holiday\.png/ })).toBeVisible();
  await expect(photos.getByRole('option', { name: /fresh upload/ })).toHaveCount(0);

  await photos.click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByText('Move to trash')).toBeVisible();
  await sheet.getByRole('searchbox').fill('palette');
  await expect(sheet.getByRole('listitem')).toHaveCount(1);
});
