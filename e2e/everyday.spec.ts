// Everyday use (issue 15): what a person meets first in the list, deletes, names and media.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, anonymousPage, call, list, newFolder, option, openApp, uploadMany } from './fixtures';

test.describe('the long demo folder', () => {
  test.use({ signedInAs: 'demo' });

  test('the first click after scrolling selects the row under the pointer and keeps the scroll position', async ({ page, me }) => {
    const root = await call<{ metadata: { contents: { name: string; folderid?: number }[] } }>(me.server.api, 'listfolder', { folderid: 0 }, me.token);
    const many = root.metadata.contents.find((m) => m.name === 'Many files')!.folderid!;
    // opened from its address: nothing in the list has had focus yet
    await page.goto(`/folder/${many}`);
    await expect(page.getByText('2,500 items')).toBeVisible();
    const list = page.getByRole('listbox');
    // scrolled with the wheel: the click is the list's first focus
    await list.hover();
    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(10_000);
    const before = await list.evaluate((el) => el.scrollTop);
    // the row under a point in the middle of the list (a locator click would scroll a row into view itself)
    const box = (await list.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const name = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="option"]')?.querySelector('.name')?.textContent ?? '', at);
    expect(name).toMatch(/^file-\d+\.txt$/);
    // as long as a person holds the button: the list reacts to the press before the release
    await page.mouse.click(at.x, at.y, { delay: 150 });
    await expect(list.getByRole('option', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(list).toBeFocused();
    expect(await list.evaluate((el) => el.scrollTop)).toBe(before);
    await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);
  });
});

test.describe('a confirmed delete', () => {
  test.use({ signedInAs: 'account' });

  test('still happens when the page reloads within a second of it', async ({ page, me }) => {
    await uploadMany(me.token, 0, [['keep.txt', 'k'], ['old-a.txt', 'a'], ['old-b.txt', 'b']]);
    await openApp(page);
    await option(page, 'old-a.txt').click();
    await option(page, 'old-b.txt').click({ modifiers: ['ControlOrMeta'] });
    await list(page).press('Delete');
    await expect(option(page, 'old-a.txt')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    // well inside the 5 s undo window
    await page.reload();
    await expect(option(page, 'keep.txt')).toBeVisible();
    await expect(option(page, 'old-a.txt')).toHaveCount(0);
    await expect(option(page, 'old-b.txt')).toHaveCount(0);
    const trash = await call<{ metadata: { contents: { name: string }[] } }>(me.server.api, 'trash_list', { folderid: 0 }, me.token);
    expect(trash.metadata.contents.map((m) => m.name).sort()).toEqual(['old-a.txt', 'old-b.txt']);
  });
});

test.describe('the trash during an undo window', () => {
  test.use({ signedInAs: 'account', emulator: 'permissive' });

  test('shows the item as being deleted, and Keep brings it back', async ({ page, me }, info) => {
    await page.clock.install();
    await uploadMany(me.token, 0, [['draft.txt', 'd']], me.server.api);
    await openApp(page, me.server.app);
    await option(page, 'draft.txt').click();
    await list(page).press('Delete');
    await expect(option(page, 'draft.txt')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
    const pending = page.getByRole('region', { name: 'Being deleted' });
    await expect(pending).toContainText('draft.txt');
    await page.screenshot({ path: info.outputPath('trash-being-deleted-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(pending).toBeVisible();
    await page.screenshot({ path: info.outputPath('trash-being-deleted-390.png') });
    await pending.getByRole('button', { name: 'Keep draft.txt' }).click();
    await expect(pending).toHaveCount(0);
    await page.clock.fastForward(6000);
    await page.goBack();
    await expect(option(page, 'draft.txt')).toBeVisible();
  });
});

test.describe('the quota in the header', () => {
  test.use({ signedInAs: 'account', emulator: 'permissive' });

  test('follows uploads and the trash without a reload', async ({ page, me }) => {
    await openApp(page, me.server.app);
    const quota = page.locator('.quota');
    await expect(quota).toContainText(/^0 B of/);
    await page.getByRole('button', { name: 'Upload' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Upload files…' }).click();
    await (await chooser).setFiles([{ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(3 * 1024 * 1024, 7) }]);
    await expect(option(page, 'big.bin')).toBeVisible();
    await expect(quota).toContainText(/^3(\.\d)? MB of/);
    await option(page, 'big.bin').click();
    await list(page).press('Delete');
    await expect(option(page, 'big.bin')).toHaveCount(0);
    // a trashed file still counts on the emulator; emptying the trash frees the space
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
    await expect(page.getByRole('table', { name: 'Deleted items' })).toContainText('big.bin', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Empty trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Empty trash' }).click();
    await expect(quota).toContainText(/^0 B of/);
  });
});

test.describe('the keyboard', () => {
  test.use({ signedInAs: 'account' });

  test('shortcuts are keys the browser hands to the page, and the ? sheet lists them', async ({ page, me }) => {
    await uploadMany(me.token, 0, [['a.txt', 'a']]);
    await openApp(page);
    await list(page).focus();
    await page.keyboard.press('Shift+N');
    const dialog = page.getByRole('dialog', { name: 'New folder' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet.getByRole('listitem').filter({ hasText: 'New folder' })).toContainText('Shift+N');
    await expect(sheet.getByRole('listitem').filter({ hasText: /^Refresh/ })).toContainText('Shift+R');
    await expect(sheet).not.toContainText('Ctrl+Shift');
  });

  test('what is typed while the palette loads ends up in it', async ({ page, me }) => {
    await uploadMany(me.token, 0, [['a.txt', 'a']]);
    await openApp(page);
    // the palette's code arrives only once the letters were typed
    let release!: () => void;
    const loaded = new Promise<void>((r) => (release = r));
    await page.route(/command-palette-[\w-]+\.js$/, async (route) => {
      await loaded;
      await route.continue();
    });
    await list(page).focus();
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.type('new f');
    release();
    const input = page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox');
    await expect(input).toHaveValue('new f');
    await expect(page.getByRole('option', { name: /New folder/ })).toBeVisible();
  });
});

test.describe('names with bidirectional controls', () => {
  test.use({ signedInAs: 'verified' });
  const RAW = 'invoice\u202Efdp.exe';
  const SHOWN = 'invoice⟪RLO⟫fdp.exe';

  test('read in stored order everywhere: list, folder title, breadcrumbs, viewer, toast, public page — raw in the rename field', async ({ page, browser, me }, info) => {
    const folder = await newFolder(me.token, 'bills\u202Etxt.exe');
    const [fileid] = await uploadMany(me.token, folder, [[RAW, 'MZ not really a program']]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/folder/${folder}`);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('bills⟪RLO⟫txt.exe');
    await expect(page).toHaveTitle(/bills⟪RLO⟫txt\.exe/);
    const row = option(page, SHOWN);
    await expect(row).toBeVisible();
    await expect(list(page)).not.toContainText(RAW);
    await page.screenshot({ path: info.outputPath('bidi-list-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(row).toBeVisible();
    await page.screenshot({ path: info.outputPath('bidi-list-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // the rename field holds the name as stored, so what is saved is what was there
    await row.click();
    await page.keyboard.press('F2');
    await expect(page.getByRole('textbox', { name: /name/i })).toHaveValue(RAW);
    await page.keyboard.press('Escape');

    await row.dblclick();
    const viewer = page.getByRole('dialog');
    await expect(viewer.getByRole('heading').first()).toHaveText(SHOWN);
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    await row.click();
    await list(page).press('Delete');
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(SHOWN);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(row).toBeVisible();

    const { code } = await call<{ code: string }>(me.server.api, 'getfilepublink', { fileid }, me.token);
    const stranger = await anonymousPage(browser);
    await stranger.page.goto(`/publink/show?code=${encodeURIComponent(code)}`);
    await expect(stranger.page.getByRole('main')).toContainText(SHOWN);
    await expect(stranger.page).toHaveTitle(new RegExp(SHOWN.replace('.', '\\.')));
    expect(await stranger.page.getByRole('main').innerText()).not.toContain(RAW);
    await stranger.page.screenshot({ path: info.outputPath('bidi-public-1280.png') });
    await stranger.context.close();
  });
});

/** A 4-second 320×180 test video, made with ffmpeg (installed with the emulator's media tools). */
function testVideo(): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'video-')), 'clip.mp4');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '4', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', out]);
  return readFileSync(out);
}

const boxOf = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
};

/** Holds the requests matching `url` until the returned function is called. */
async function hold(page: Page, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * A click aimed, while the player was loading, at the middle of its box lands on the video and
 * plays it. (Opening it may have started it already — autoplay after the opening gesture — so it
 * is paused first: the click must be what plays it.)
 */
async function firstClickPlays(page: Page, video: Locator, box: { x: number; y: number; width: number; height: number }) {
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, at)).toBe('VIDEO');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused), { timeout: 30_000 }).toBe(true);
}

test.describe('a video before its stream arrives', () => {
  test.use({ signedInAs: 'verified' });

  test('keeps its box, shows the thumbnail, and the first click plays — in the app and on a public link', async ({ page, browser, me }, info) => {
    const [fileid] = await uploadMany(me.token, 0, [['clip.mp4', testVideo()]]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    const release = await hold(page, /\/gethlslink$/);
    await option(page, 'clip.mp4').dblclick();
    const viewer = page.getByRole('dialog');
    const waiting = viewer.getByRole('status', { name: 'Loading video' });
    await expect(waiting).toBeVisible();
    await expect.poll(() => waiting.evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^url\(/);
    const before = await boxOf(waiting);
    expect(before.width / before.height).toBeCloseTo(16 / 9, 1);
    await page.screenshot({ path: info.outputPath('video-waiting-1280.png') });
    release();
    const video = viewer.locator('video');
    await expect(video).toHaveAttribute('poster', /.+/);
    expect(await boxOf(video)).toEqual(before);
    await firstClickPlays(page, video, before);
    expect(await boxOf(video)).toEqual(before);

    const { code } = await call<{ code: string }>(me.server.api, 'getfilepublink', { fileid }, me.token);
    const stranger = await anonymousPage(browser, { width: 390, height: 844 });
    const releasePublic = await hold(stranger.page, /\/getpubvideolinks$/);
    await stranger.page.goto(`/publink/show?code=${encodeURIComponent(code)}`);
    const publicWaiting = stranger.page.getByRole('status', { name: 'Loading video' });
    await expect(publicWaiting).toBeVisible();
    await expect.poll(() => publicWaiting.evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^url\(/);
    const publicBefore = await boxOf(publicWaiting);
    await stranger.page.screenshot({ path: info.outputPath('video-waiting-public-390.png') });
    releasePublic();
    const publicVideo = stranger.page.locator('video');
    await expect(publicVideo).toHaveAttribute('poster', /.+/);
    expect(await boxOf(publicVideo)).toEqual(publicBefore);
    await firstClickPlays(stranger.page, publicVideo, publicBefore);
    await stranger.page.screenshot({ path: info.outputPath('video-playing-public-390.png') });
    await stranger.context.close();
  });
});

test.describe('signed in to the local server through its sign-in page', () => {
  test.use({ signedInAs: 'account' });

  test('no page sends the user to pCloud: refusals name this server and offer full access', async ({ page, me }) => {
    await uploadMany(me.token, 0, [['a.txt', 'a'], ['b.txt', 'b']]);
    const host = new URL(me.server.api).host;
    const pcloudLinks = () => page.locator('a[href*="pcloud.com"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const route of ['/folder/0', '/trash', '/collections', '/account', '/links', '/shared', '/recent', '/photos', '/search?q=a']) {
      await page.goto(route);
      await expect(page.getByRole('main')).not.toBeEmpty();
      await expect(page.getByRole('main').locator('.loading')).toHaveCount(0);
      expect(await pcloudLinks(), route).toEqual([]);
    }
    for (const route of ['/trash', '/collections']) {
      await page.goto(route);
      await expect(page.getByRole('main').getByText(new RegExp(`^${host.replace(/\./g, '\\.')} does not let apps signed in through its sign-in page`))).toBeVisible();
      await expect(page.getByRole('main').getByRole('button', { name: 'Sign in with full access' })).toBeVisible();
    }
  });
});
