// Media benchmarks (issue 5), measured in Debian Chromium against the emulator with demo data and
// the built app. Prints one `name value unit` line per figure.
//  - click → first video frame (HLS), cold (first transcode) and warm
//  - click → first audio sound (`playing` on the mini-player's <audio>), cold and warm
//  - click → page 1 of a PDF drawn (canvas and text layer), for a 1-page PDF and a 20 MB one, and how
//    many bytes of the 20 MB file were fetched by then (pdf.js reads it by Range requests)
//  - getthumbslinks requests per screenful in grid view on the 2,500-file folder (text files, no
//    thumbnails) and on a 2,500-photo folder, and click → first thumbnail shown
//
// Warm figures are medians of RUNS runs with min and max (bench/stats.ts); a cold start happens once
// per server (the transcode is cached after it), so it is one run.
//
// Usage: npm run bench:media [-- --dist DIR] [-- --only pdf]   (builds the app into a temp dir when DIR has no index.html)
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Emulator } from '../emulator/server';
import { serveApp } from '../emulator/appserver';
import { DEMO_USERS, seedDemo } from '../emulator/seed';
import { createFolder, putFile } from '../emulator/store/ops';
import { pdfDocument } from '../emulator/demo/pdf';
import { RUNS, printLoad, repeat, timing } from './stats';

function line(name: string, value: number | string, unit = ''): void {
  console.log(`${name} ${typeof value === 'number' ? Number(value.toFixed(1)) : value} ${unit}`.trim());
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function appDir(): Promise<string> {
  const given = arg('dist') ?? process.env.MEDIA_BENCH_DIST;
  if (given && existsSync(join(given, 'index.html'))) return resolve(given);
  const out = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-app-'));
  const r = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  return out;
}

/** A folder of `count` photos (the demo photos, round robin): rows go in directly, seeding is not measured. */
async function manyPhotos(emu: Emulator, count: number): Promise<void> {
  const st = emu.st;
  const user = st.userByEmail(DEMO_USERS[0].email)!;
  const rows = st.db.prepare("SELECT blob FROM files WHERE owner = ? AND lower(name) LIKE '%.jpg' LIMIT 24").all(user.id) as { blob: string }[];
  const blobs = [];
  for (const r of rows) blobs.push(await st.blobs.putBuffer(await fsp.readFile(st.blobs.pathOf(r.blob))));
  const folder = createFolder(st, user, st.folderRow(user.rootfolder)!, 'Many photos');
  for (let i = 0; i < count; i++) putFile(st, user, folder, `photo-${String(i + 1).padStart(5, '0')}.jpg`, blobs[i % blobs.length]);
}

/** A folder with a 1-page PDF and a ~20 MB, 200-page one (each page padded to ~100 KB). */
async function pdfs(emu: Emulator): Promise<void> {
  const st = emu.st;
  const user = st.userByEmail(DEMO_USERS[0].email)!;
  const folder = createFolder(st, user, st.folderRow(user.rootfolder)!, 'PDF bench');
  const one = pdfDocument([{ lines: ['One page', 'A short PDF for the media benchmark.'] }], 'One page');
  const pages = Array.from({ length: 200 }, (_, i) => ({ lines: [`Page ${i + 1}`, 'A big PDF for the media benchmark.'], padding: 100 * 1024 }));
  const big = pdfDocument(pages, 'Big');
  putFile(st, user, folder, 'one-page.pdf', await st.blobs.putBuffer(one));
  putFile(st, user, folder, 'big-20mb.pdf', await st.blobs.putBuffer(big));
  console.error(`bench PDFs: ${one.length} and ${(big.length / 1048576).toFixed(1)} MiB`);
}

/**
 * ms from the armed click to page 1 of a PDF drawn, and the partial content (206) fetched until then.
 * pdf.js's first request asks for the whole file and is cancelled once its headers say ranges work:
 * what it read of that body is not counted.
 */
async function clickToPdfPage(page: Page, name: RegExp): Promise<{ ms: number; rangeBytes: number; ranges: number }> {
  let rangeBytes = 0;
  let ranges = 0;
  const onResponse = (r: { url(): string; status(): number; headers(): Record<string, string> }) => {
    if (!r.url().includes('/c/') || r.status() !== 206) return;
    ranges++;
    rangeBytes += Number(r.headers()['content-length'] ?? 0);
  };
  page.on('response', onResponse);
  await armClick(page);
  const done = waitInPage(page, '.pdf-page[data-page="1"][aria-busy="false"]', 'done();');
  await page.getByRole('listbox').getByRole('option', { name }).first().dblclick();
  const ms = await done;
  page.off('response', onResponse);
  await page.keyboard.press('Escape');
  return { ms, rangeBytes, ranges };
}

async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(DEMO_USERS[0].email);
  await page.getByLabel('Password').fill(DEMO_USERS[0].password);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.waitForURL(/\/folder\/0$/);
}

async function openFolder(page: Page, appUrl: string, name: RegExp): Promise<void> {
  await page.goto(`${appUrl}/folder/0`);
  await page.getByRole('listbox').getByRole('option', { name }).first().dblclick();
  await page.getByRole('listbox').waitFor();
}

// Page-side code is passed as source text: this file is type-checked for Node (no DOM lib).
const inPage = <T>(page: Page, js: string): Promise<T> => page.evaluate(js) as Promise<T>;

/** Marks the next double-click's time in the page, so every figure is measured on the page's clock. */
async function armClick(page: Page): Promise<void> {
  await inPage(page, `window.__t0 = undefined; window.addEventListener('dblclick', () => (window.__t0 = performance.now()), { capture: true, once: true })`);
}

/** ms since the armed click at which `setup` (run on the first element `selector` finds) calls `done()`. */
function waitInPage(page: Page, selector: string, setup: string, timeoutMs = 60_000): Promise<number> {
  return inPage<number>(
    page,
    `new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('nothing within ${timeoutMs} ms')), ${timeoutMs});
      const done = () => { clearTimeout(timeout); resolve(performance.now() - window.__t0); };
      const poll = () => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) return void requestAnimationFrame(poll);
        ${setup}
      };
      poll();
    })`,
  );
}

/** ms from the armed click to the first frame the video presents (requestVideoFrameCallback). */
async function clickToFirstFrame(page: Page, name: RegExp): Promise<number> {
  await armClick(page);
  // muted: headless has no audio device to wait for
  const done = waitInPage(page, '.viewer video', 'el.muted = true; el.requestVideoFrameCallback(done);');
  await page.getByRole('listbox').getByRole('option', { name }).first().dblclick();
  return done;
}

/** ms from the armed click to `playing` on the mini-player's audio element. */
async function clickToPlaying(page: Page, name: RegExp): Promise<number> {
  await armClick(page);
  const done = waitInPage(
    page,
    '.mini-player audio',
    "el.muted = true; if (!el.paused && el.readyState >= 3) done(); else el.addEventListener('playing', done, { once: true });",
  );
  await page.getByRole('listbox').getByRole('option', { name }).first().dblclick();
  return done;
}

/** Waits until no getthumbslinks request has started for `quietMs`. */
async function settle(counter: { n: number; last: number }, quietMs = 700): Promise<void> {
  const start = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (Date.now() - Math.max(counter.last, start) > quietMs) return;
  }
}

/** getthumbslinks requests for the first screen and per further screenful scrolled, in grid view. */
async function thumbsPerScreen(page: Page, appUrl: string, folder: RegExp, screens: number) {
  const counter = { n: 0, last: 0 };
  const onRequest = (r: { url(): string }) => {
    if (r.url().includes('/getthumbslinks')) {
      counter.n++;
      counter.last = Date.now();
    }
  };
  page.on('request', onRequest);
  await page.goto(`${appUrl}/folder/0`);
  await armClick(page);
  const firstThumb = inPage<number>(
    page,
    `new Promise((resolve) => {
      const timeout = setTimeout(() => resolve(NaN), 30000);
      const poll = () => {
        const img = [...document.querySelectorAll('img.thumb')].find((i) => i.complete && i.naturalWidth > 0);
        if (img) { clearTimeout(timeout); resolve(performance.now() - window.__t0); } else requestAnimationFrame(poll);
      };
      poll();
    })`,
  ).catch(() => Number.NaN);
  counter.n = 0;
  await page.getByRole('listbox').getByRole('option', { name: folder }).first().dblclick();
  await page.waitForURL(/\/folder\/[1-9]\d*/);
  await settle(counter);
  const first = counter.n;
  const perScreen: number[] = [];
  for (let s = 0; s < screens; s++) {
    const before = counter.n;
    await inPage(page, `(() => {
      let el = document.querySelector('[role=listbox]');
      while (el && el.scrollHeight <= el.clientHeight + 1) el = el.parentElement;
      if (el) el.scrollTop += el.clientHeight;
    })()`);
    await settle(counter);
    perScreen.push(counter.n - before);
  }
  page.off('request', onRequest);
  const visible = await page.locator('img.thumb').count();
  const ms = await Promise.race([firstThumb, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 100))]);
  return { first, perScreen, visible, firstThumbMs: ms };
}

async function main() {
  printLoad('start');
  const dist = await appDir();
  const dataDir = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-media-'));
  const emu = await Emulator.create({ dataDir });
  const t0 = Date.now();
  await seedDemo(emu.st);
  const only = arg('only');
  if (!only) await manyPhotos(emu, 2500);
  await pdfs(emu);
  console.error(`demo data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const apiUrl = await emu.listen(0);
  const app = await serveApp(dist, apiUrl, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, app.url);

    if (!only) await media(page, app.url);
    if (!only || only === 'pdf') await pdf(page, app.url);
    if (!only) await thumbs(page, app.url);
    await context.close();
  } finally {
    await browser.close();
    app.server.close();
    await emu.close();
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
  printLoad('end');
}

async function media(page: Page, appUrl: string): Promise<void> {
  // video: the first open transcodes (cold); the second finds the segments cached (warm)
  await openFolder(page, appUrl, /Videos/);
  line('video_click_to_first_frame_cold', await clickToFirstFrame(page, /Big Buck Demo\.mp4/), 'ms');
  const videoWarm = await repeat(RUNS, async () => {
    await inPage(page, `Object.keys(localStorage).filter((k) => k.startsWith('pcloud.resume.')).forEach((k) => localStorage.removeItem(k))`);
    await openFolder(page, appUrl, /Videos/);
    return clickToFirstFrame(page, /Big Buck Demo\.mp4/);
  });
  timing('video_click_to_first_frame_warm', videoWarm, 'ms');

  // audio: click a track in the list → the mini-player is playing
  await openFolder(page, appUrl, /Music/);
  line('audio_click_to_playing_cold', await clickToPlaying(page, /Sunrise Drive/), 'ms');
  await page.getByRole('region', { name: 'Audio player' }).getByRole('button', { name: 'Close player' }).click();
  const audioWarm = await repeat(RUNS, async () => {
    await openFolder(page, appUrl, /Music/);
    const ms = await clickToPlaying(page, /Sunrise Drive/);
    await page.getByRole('region', { name: 'Audio player' }).getByRole('button', { name: 'Close player' }).click();
    return ms;
  });
  timing('audio_click_to_playing_warm', audioWarm, 'ms');
}

async function pdf(page: Page, appUrl: string): Promise<void> {
  // PDFs: the first open also loads the previewer's chunk and pdf.js's worker
  await openFolder(page, appUrl, /PDF bench/);
  line('pdf_click_to_page1_1_page_cold', (await clickToPdfPage(page, /one-page\.pdf/)).ms, 'ms');
  timing('pdf_click_to_page1_1_page_warm', await repeat(RUNS, async () => (await clickToPdfPage(page, /one-page\.pdf/)).ms), 'ms');
  // every open asks for a new link, so nothing of the big file is in the HTTP cache
  const big = await clickToPdfPage(page, /big-20mb\.pdf/);
  line('pdf_click_to_page1_20mb_first', big.ms, 'ms');
  line('pdf_range_requests_to_page1_20mb', big.ranges, 'requests');
  line('pdf_range_bytes_to_page1_20mb', big.rangeBytes / 1024, 'KiB');
  timing('pdf_click_to_page1_20mb', await repeat(RUNS, async () => (await clickToPdfPage(page, /big-20mb\.pdf/)).ms), 'ms');
}

async function thumbs(page: Page, appUrl: string): Promise<void> {
  // thumbnails in grid view
  await inPage(page, `localStorage.setItem('pcloud.prefs', JSON.stringify({ ...JSON.parse(localStorage.getItem('pcloud.prefs') || '{}'), view: 'grid' }))`);
  const many = await thumbsPerScreen(page, appUrl, /Many files/, 5);
  line('thumbs_requests_first_screen_many_files', many.first, 'requests');
  line('thumbs_requests_per_screenful_many_files', many.perScreen.reduce((a, b) => a + b, 0) / many.perScreen.length, 'requests');
  const photos = await thumbsPerScreen(page, appUrl, /Many photos/, 5);
  line('thumbs_requests_first_screen_2500_photos', photos.first, 'requests');
  line('thumbs_requests_per_screenful_2500_photos', photos.perScreen.reduce((a, b) => a + b, 0) / photos.perScreen.length, 'requests');
  line('thumbs_click_to_first_thumbnail_2500_photos', photos.firstThumbMs, 'ms');
  line('thumbs_shown_after_scrolling_2500_photos', photos.visible, 'images');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
