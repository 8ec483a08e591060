import { test, expect, openApp, openPath as open } from './fixtures';

test.use({ signedInAs: 'demo' });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('images open in a gallery with its own URL; arrows page, Back closes', async ({ page }) => {
  await open(page, /Photos/, /IMG_2041\.jpg/);
  const viewer = page.getByRole('dialog', { name: 'IMG_2041.jpg' });
  await expect(viewer).toBeVisible();
  await expect(page).toHaveURL(/\?view=\d+/);
  await expect.poll(() => viewer.getByRole('img', { name: 'IMG_2041.jpg' }).evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'IMG_2042.jpg' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: 'IMG_2041.jpg' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/view=/);
});

test('text previews render markup inert, with line numbers', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await open(page, /Documents/, /index\.html/);
  const doc = page.getByRole('document', { name: 'Contents of index.html' });
  await expect(doc).toContainText('<script>alert(1)</script>');
  expect(await page.locator('.text-view script').count()).toBe(0);
  expect(dialogs).toBe(0);
  await page.getByRole('button', { name: 'Close viewer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the demo video plays through HLS', async ({ page }) => {
  const hlsRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('.m3u8') || r.url().includes('/gethlslink')) hlsRequests.push(r.url());
  });
  await open(page, /Videos/, /Big Buck Demo\.mp4/);
  const video = page.getByRole('dialog').locator('video');
  await expect(video).toBeVisible();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play().catch(() => undefined);
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
  expect(hlsRequests.some((u) => u.includes('/gethlslink'))).toBe(true);
  // quality switch: the chosen rendition's segments are fetched (v0 = lowest rung)
  const quality = page.getByRole('dialog').getByLabel('Quality');
  await expect(quality.locator('option')).toHaveCount(3);
  const top = page.waitForRequest(/\/v1\/seg\d+\.ts/, { timeout: 30_000 });
  await quality.selectOption({ label: '720p' });
  await top;
  const low = page.waitForRequest(/\/v0\/seg\d+\.ts/, { timeout: 30_000 });
  await quality.selectOption({ label: '360p' });
  await low;
  await expect.poll(() => page.evaluate(() => localStorage.getItem('pcloud.videoQuality'))).toBe('360');
});

test('the viewer header shows size and date, and Versions opens the file history', async ({ page }) => {
  await open(page, /Documents/, /index\.html/);
  const viewer = page.getByRole('dialog', { name: 'index.html' });
  await expect(viewer.locator('.viewer-facts')).toContainText(/\d+(\.\d+)?\s?(B|KB|kB)/);
  await expect(viewer.locator('.viewer-facts time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await viewer.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of “index.html”' });
  await expect(versions).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(versions).toHaveCount(0);
  await expect(viewer).toBeVisible();
});
