import { test, expect, openApp, openPath as open } from './fixtures';
import type { Locator, Page, Route } from '@playwright/test';

test.use({ signedInAs: 'demo' });

const player = (page: Page) => page.getByRole('region', { name: 'Audio player' });
const audioTime = (page: Page) => page.locator('.mini-player audio').evaluate((a: HTMLAudioElement) => a.currentTime);
const audioPaused = (page: Page) => page.locator('.mini-player audio').evaluate((a: HTMLAudioElement) => a.paused);

async function advances(page: Page, from?: number) {
  const start = from ?? (await audioTime(page));
  await expect.poll(() => audioTime(page), { timeout: 20_000 }).toBeGreaterThan(start + 0.3);
}

async function titleOf(p: Locator) {
  return p.locator('.mp-title');
}

/**
 * Sends the API call as a page on another site would (with its Referer): the emulator's faithful
 * referer check then answers 7010, as pCloud does. (route.continue cannot set Referer in Chromium.)
 */
async function foreign(route: Route) {
  const response = await route.fetch({ headers: { ...route.request().headers(), referer: 'https://elsewhere.example/app' } });
  await route.fulfill({ response });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('audio from the list plays in the mini-player: next, pause, across routes, shuffle and repeat, reload', async ({ page }) => {
  const linkCalls: string[] = [];
  page.on('request', (r) => {
    if (/\/(getaudiolink|getfilelink)\b/.test(r.url())) linkCalls.push(r.url());
  });
  await open(page, /Music/, /Sunrise Drive/);
  // the viewer hands the folder's tracks to the player and gets out of the way
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const bar = player(page);
  await expect(await titleOf(bar)).toHaveText(/Sunrise Drive/);
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await advances(page, 0);
  expect(linkCalls.some((u) => u.includes('/getaudiolink'))).toBe(true);
  // lock-screen / media-key metadata, with the folder's cover as album art
  await expect.poll(() => page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe('Sunrise Drive');
  expect(await page.evaluate(() => navigator.mediaSession.metadata?.album)).toBe('Road Trip');
  await expect.poll(() => page.evaluate(() => navigator.mediaSession.metadata?.artwork.length)).toBe(1);

  // Next goes to the next audio file of the folder
  await bar.getByRole('button', { name: 'Next track' }).click();
  await expect(await titleOf(bar)).toHaveText(/Café Nights/);
  await advances(page);

  // pause
  await bar.getByRole('button', { name: 'Pause' }).click();
  await expect(bar.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await audioPaused(page)).toBe(true);
  const pausedAt = await audioTime(page);
  await page.waitForTimeout(600);
  expect(await audioTime(page)).toBeCloseTo(pausedAt, 1);

  // space toggles playback while the player has focus
  await bar.getByRole('slider', { name: 'Seek' }).focus();
  await page.keyboard.press(' ');
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible();

  // keeps playing while browsing to another route
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
  await expect(page).toHaveURL(/trash/);
  await expect(await titleOf(player(page))).toHaveText(/Café Nights/);
  await advances(page);
  expect(await audioPaused(page)).toBe(false);

  // shuffle and repeat toggles show their state
  const shuffle = player(page).getByRole('button', { name: 'Shuffle' });
  await expect(shuffle).toHaveAttribute('aria-pressed', 'false');
  await shuffle.click();
  await expect(shuffle).toHaveAttribute('aria-pressed', 'true');
  await player(page).getByRole('button', { name: 'Repeat: off' }).click();
  await expect(player(page).getByRole('button', { name: 'Repeat: all' })).toHaveAttribute('aria-pressed', 'true');
  await player(page).getByRole('button', { name: 'Repeat: all' }).click();
  await expect(player(page).getByRole('button', { name: 'Repeat: one' })).toBeVisible();

  // the queue lists the folder's tracks; jump to one, take one out
  await player(page).getByRole('button', { name: 'Queue' }).click();
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(4);
  await queue.getByRole('button', { name: /^Play Coastline/ }).click();
  await expect(await titleOf(player(page))).toHaveText(/Coastline/);
  await expect(queue.getByRole('listitem').filter({ hasText: 'Coastline' })).toHaveAttribute('aria-current', 'true');
  await queue.getByRole('button', { name: /^Remove Lo-fi Loop/ }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  await queue.getByRole('button', { name: 'Close queue' }).click();
  await expect(queue).toHaveCount(0);

  // a reload brings back the track and its position, paused, with fresh links
  await advances(page);
  await player(page).getByRole('button', { name: 'Pause' }).click();
  const before = await audioTime(page);
  expect(before).toBeGreaterThan(0.3);
  linkCalls.length = 0;
  await page.reload();
  await expect(await titleOf(player(page))).toHaveText(/Coastline/);
  await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(player(page).getByRole('button', { name: 'Shuffle' })).toHaveAttribute('aria-pressed', 'true');
  await expect(player(page).getByRole('button', { name: 'Repeat: one' })).toBeVisible();
  await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(before - 2.5);
  expect(await audioPaused(page)).toBe(true);
  expect(linkCalls.length).toBeGreaterThan(0);
  await player(page).getByRole('button', { name: 'Play', exact: true }).click();
  await advances(page);

  // closing the player removes it
  await player(page).getByRole('button', { name: 'Close player' }).click();
  await expect(player(page)).toHaveCount(0);
});

test('a video whose HLS stream fails plays through getvideolinks', async ({ page }) => {
  let variantsAsked = 0;
  page.on('request', (r) => {
    if (r.url().includes('/getvideolinks')) variantsAsked++;
  });
  // the playlist never arrives: hls.js gives up and the player falls back to progressive MP4
  await page.route('**/*.m3u8*', (route) => route.abort('failed'));
  await open(page, /Videos/, /Big Buck Demo\.mp4/);
  const video = page.getByRole('dialog').locator('video[data-stream="progressive"]');
  await expect(video).toBeVisible({ timeout: 20_000 });
  expect(variantsAsked).toBe(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play().catch(() => undefined);
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
  // the variants are offered as qualities, the original first in line (no transcoding wait)
  const quality = page.getByRole('dialog').getByLabel('Quality');
  await expect(quality.locator('option')).toHaveCount(2);
  await expect(quality).toHaveValue('1');
  await quality.selectOption({ label: '720p' });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/\.mp4/);
});

test('when pCloud refuses to stream (7010), the viewer explains and offers the download', async ({ page }) => {
  await page.route('**/gethlslink*', foreign);
  await page.route('**/getvideolinks*', foreign);
  await open(page, /Videos/, /Big Buck Demo\.mp4/);
  const viewer = page.getByRole('dialog', { name: 'Big Buck Demo.mp4' });
  await expect(viewer.getByRole('alert')).toContainText('refuses to stream this file');
  await expect(viewer.locator('video')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Download' }).last().click();
  expect((await download).suggestedFilename()).toBe('Big Buck Demo.mp4');
});

test('an audio track pCloud refuses shows why in the player', async ({ page }) => {
  await page.route('**/getaudiolink*', foreign);
  await page.route('**/getfilelink*', foreign);
  await open(page, /Music/, /Coastline/);
  await expect(player(page).getByRole('alert')).toContainText('refuses to stream this file');
  await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('an audio link that stopped working is resolved again and playback goes on', async ({ page }) => {
  let audioLinks = 0;
  page.on('request', (r) => {
    if (r.url().includes('/getaudiolink')) audioLinks++;
  });
  // the first content request fails as an expired link does
  let refused = 0;
  await page.route(/Coastline\.mp3/, async (route) => {
    if (route.request().url().includes('/getaudiolink') || refused++ > 0) return route.fallback();
    await route.fulfill({ status: 410, body: 'Link expired.' });
  });
  await open(page, /Music/, /Coastline/);
  await expect(await titleOf(player(page))).toHaveText(/Coastline/);
  await advances(page, 0);
  expect(refused).toBeGreaterThan(1);
  expect(audioLinks).toBe(2);
  await expect(player(page).getByRole('alert')).toHaveCount(0);
});
