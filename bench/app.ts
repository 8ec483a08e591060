/// <reference lib="dom" />
// Browser budgets of the web app (issue 8), measured on a production build served the way
// `npm start` serves it (emulator + app server), in Debian Chromium. Prints `name value unit`
// lines, then one `budget <name> met|NOT met` line per budget and a summary for the README.
//   first-route JS ≤ 130 KB gzip · 100k-item folder: ≤ 500 ms response → first rows, ≤ 150 rows in
//   the DOM, no long task > 50 ms while scrolling · a revisited folder paints before any request ·
//   Lighthouse performance ≥ 95 (mobile) on the browse view, when Lighthouse is installed.
import { promises as fsp, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { Emulator } from '../emulator/server';
import { serveApp } from '../emulator/appserver';
import { createFolder, createUser, recordBlob } from '../emulator/store/ops';

const quick = process.argv.includes('--quick');
const skipLighthouse = process.argv.includes('--no-lighthouse');
// --only-lighthouse: build, first-route size and Lighthouse only (for trying start-up changes)
const onlyLighthouse = process.argv.includes('--only-lighthouse');
// --profile: where the main thread goes while scrolling the big folder (self time per function)
const profileScroll = process.argv.includes('--profile');
// --profile-load: where the browse view's start-up goes at 4× CPU slowdown (self time per function)
const profileLoad = process.argv.includes('--profile-load');
const BIG = quick ? 20_000 : 100_000;
const SMALL = 300;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

const verdicts: { name: string; ok: boolean; detail: string }[] = [];

function line(name: string, value: number | string, unit = ''): void {
  console.log(`${name} ${typeof value === 'number' ? Number(value.toFixed(2)) : value} ${unit}`.trim());
}

function budget(name: string, ok: boolean, detail: string): void {
  verdicts.push({ name, ok, detail });
  console.log(`budget ${name} ${ok ? 'met' : 'NOT met'} (${detail})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** The JS a route needs before it can paint: the entry and the route chunk with their static imports. */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): string[] {
  const files = new Set<string>();
  const walk = (key: string) => {
    const c = manifest[key];
    if (!c || files.has(c.file)) return;
    files.add(c.file);
    c.imports?.forEach(walk);
  };
  keys.forEach(walk);
  return [...files].filter((f) => f.endsWith('.js'));
}

const gz = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

async function signIn(page: Page, appUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${appUrl}/welcome`);
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.waitForURL(/\/folder\/0$/);
}

// Runs in the page before the app: first listed row (time it entered the DOM and the frame after),
// and every long task.
const PROBE = `
  window.__bench = { firstRowAt: null, firstRowPaint: null, longtasks: [] };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  new MutationObserver(() => {
    const b = window.__bench;
    if (b.firstRowAt === null && document.querySelector('[role=listbox] [role=option]')) {
      b.firstRowAt = performance.now();
      requestAnimationFrame(() => { b.firstRowPaint = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true });
`;

// Scrolls the listing like a user flicking through it (one step per frame), then jumps across the
// whole folder; reports the most rows ever in the DOM and the long tasks meanwhile.
const SCROLL = `(async () => {
  const lb = document.querySelector('[role=listbox]');
  let el = lb;
  while (el && el.scrollHeight <= el.clientHeight + 1) el = el.parentElement;
  if (!el) throw new Error('no scrolling container');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame();
  const start = performance.now();
  let maxRows = 0;
  for (let i = 0; i < 180; i++) {
    el.scrollTop += 700;
    await frame();
    maxRows = Math.max(maxRows, lb.querySelectorAll('[role=option]').length);
  }
  for (let i = 0; i < 30; i++) {
    el.scrollTop = (((i * 7919) % 97) / 97) * el.scrollHeight;
    await frame();
    await frame();
    maxRows = Math.max(maxRows, lb.querySelectorAll('[role=option]').length);
  }
  await new Promise((r) => setTimeout(r, 300));
  const end = performance.now();
  const tasks = window.__bench.longtasks.filter(([s]) => s >= start && s <= end);
  return { maxRows, count: tasks.length, longest: Math.max(0, ...tasks.map(([, d]) => d)), seconds: (end - start) / 1000 };
})()`;

interface Probe {
  firstRowAt: number | null;
  firstRowPaint: number | null;
  longtasks: [number, number][];
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function firstRows(page: Page, timeout = 60_000): Promise<Probe> {
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench?.firstRowPaint != null, null, { timeout });
  return probe(page);
}

/**
 * listfolder calls of a page, per folder, in the page's clock (performance.now()). Parameters go
 * in a POST body (src/api/client.ts), so Resource Timing cannot tell folders apart: Playwright can.
 */
function trackListfolder(page: Page): (folderid: number) => Promise<{ start: number; end: number }[]> {
  const seen: { folderid: number; start: number; end: number }[] = [];
  page.on('requestfinished', (req) => {
    if (!/\/listfolder(\?|$)/.test(req.url())) return;
    const params = new URLSearchParams(req.postData() ?? new URL(req.url()).search);
    const t = req.timing();
    seen.push({ folderid: Number(params.get('folderid')), start: t.startTime, end: t.startTime + t.responseEnd });
  });
  page.on('request', (req) => {
    if (!/\/listfolder(\?|$)/.test(req.url())) return;
    // unfinished calls count too, as started (end unknown yet)
    const params = new URLSearchParams(req.postData() ?? new URL(req.url()).search);
    const entry = { folderid: Number(params.get('folderid')), start: Date.now(), end: Infinity };
    seen.push(entry);
    req.response().then(() => undefined, () => undefined).finally(() => seen.splice(seen.indexOf(entry), 1));
  });
  return async (folderid) => {
    const origin = await page.evaluate(() => performance.timeOrigin);
    return seen.filter((s) => s.folderid === folderid).map((s) => ({ start: s.start - origin, end: s.end - origin })).sort((a, b) => a.start - b.start);
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; frame?: string } };
}

/** For each main-thread task over 50 ms: its length and the events directly inside it, longest first. */
function printLongTaskContents(trace: { traceEvents: TraceEvent[] }, appUrl: string): void {
  const ev = trace.traceEvents;
  // the renderer main thread that worked most (navigating from about:blank swaps the process)
  const busy = new Map<string, number>();
  for (const e of ev) if (e.name === 'RunTask' && e.dur) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const mains = ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  if (!main) return;
  const onMain = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const t0 = onMain[0]?.ts ?? 0;
  for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000)) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    // first level: not inside another event of the task
    const top = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
    const what = top
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 4)
      .map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.replace(appUrl, '')})` : e.args?.data?.functionName ? `(${e.args.data.functionName})` : e.args?.data?.type ? `(${e.args.data.type})` : ''}=${(e.dur! / 1000).toFixed(0)}`)
      .join(' ');
    line(`load_long_task_4x @${((task.ts - t0) / 1000).toFixed(0)}ms ${(task.dur! / 1000).toFixed(0)}ms`, what);
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function printProfile(profile: CpuProfile, appUrl: string, prefix = 'scroll_profile_self'): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(appUrl, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) line(`${prefix} ${key.replace(/\s+/g, '_')}`, ms, 'ms');
  // inclusive time (the function and what it called), for the big picture
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (CpuProfile['nodes'][number] & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(appUrl, '')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  for (const [key, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) line(`${prefix.replace('self', 'total')} ${key.replace(/\s+/g, '_')}`, ms, 'ms');
  // the app's own components and hooks among them (React's internals are lower-case names)
  const own = [...incl].filter(([key]) => /^(?:[A-Z]\w*|use\w+) /.test(key) && !/^use(?:State|Effect|Memo|Callback|Ref|LayoutEffect|SyncExternalStore|Reducer|Context)\b/.test(key));
  for (const [key, ms] of own.sort((a, b) => b[1] - a[1]).slice(0, 20)) line(`${prefix.replace('self', 'own')} ${key.replace(/\s+/g, '_')}`, ms, 'ms');
}

async function main() {
  const work = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-app-'));
  const dist = join(work, 'dist');

  // ---- build ---------------------------------------------------------------------------------
  const t0 = performance.now();
  // --profile builds unminified so the profile names functions (sizes are then not the budget's)
  await build({ logLevel: 'error', build: { outDir: dist, emptyOutDir: true, manifest: true, ...(profileScroll || profileLoad ? { minify: false } : {}) } });
  line('build_time', (performance.now() - t0) / 1000, 's');
  const manifest = JSON.parse(await fsp.readFile(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const browseKey = Object.keys(manifest).find((k) => k.endsWith('features/browse/browse-page.tsx'))!;
  const firstRoute = staticClosure(manifest, [entryKey, browseKey]);
  const firstRouteKb = firstRoute.reduce((s, f) => s + gz(dist, f), 0) / 1024;
  for (const f of firstRoute.sort((a, b) => gz(dist, b) - gz(dist, a)).slice(0, 8)) line(`first_route_chunk ${f}`, gz(dist, f) / 1024, 'KB_gz');
  line('first_route_js_files', firstRoute.length, 'files');
  line('first_route_js_gzip', firstRouteKb, 'KB');
  budget('first_route_js', firstRouteKb <= 130, `${firstRouteKb.toFixed(1)} KB gzip, limit 130 KB`);

  // ---- emulator + app server, one account with a 100k-item folder ---------------------------------
  const emu = await Emulator.create({ dataDir: join(work, 'data') });
  const st = emu.st;
  const email = 'budgets@example.com';
  const password = 'Budget-Bench-1';
  const user = createUser(st, email, password, { verified: true });
  const root = st.folderRow(user.rootfolder)!;
  const big = createFolder(st, user, root, 'Huge folder');
  const small = createFolder(st, user, root, 'Revisited');
  const blob = await st.blobs.putBuffer(Buffer.from('budget'));
  recordBlob(st, blob);
  const insert = st.db.prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = Math.floor(Date.now() / 1000);
  st.db.transaction(() => {
    for (let i = 0; i < BIG; i++) insert.run(user.id, big.id, `photo-${String(i).padStart(6, '0')}.jpg`, blob.key, blob.size, now, now);
    for (let i = 0; i < SMALL; i++) insert.run(user.id, small.id, `note-${i}.txt`, blob.key, blob.size, now, now);
  })();
  const apiUrl = await emu.listen(0);
  const app = await serveApp(dist, apiUrl, await freePort());
  line('big_folder_items', BIG, 'items');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    // a session to reuse (Playwright's storage state carries localStorage, where the token lives)
    const signInCtx = await browser.newContext({ serviceWorkers: 'block' });
    await signIn(await signInCtx.newPage(), app.url, email, password);
    const storageState = await signInCtx.storageState();
    await signInCtx.close();
    const fresh = async (): Promise<{ ctx: BrowserContext; page: Page }> => {
      const ctx = await browser.newContext({ storageState, serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(PROBE);
      return { ctx, page: await ctx.newPage() };
    };

    if (!onlyLighthouse) {
      // ---- first route, as loaded: JS requested before the first rows were in the DOM ----------------
      {
        const { ctx, page } = await fresh();
        await page.goto(`${app.url}/folder/0`);
        const p = await firstRows(page);
        const js = await page.evaluate(
          (until) =>
            performance
              .getEntriesByType('resource')
              .filter((e) => e.startTime <= until && new URL(e.name).origin === location.origin && e.name.endsWith('.js'))
              .map((e) => new URL(e.name).pathname.slice(1)),
          p.firstRowAt!,
        );
        const kb = js.reduce((s, f) => s + gz(dist, f), 0) / 1024;
        line('first_route_js_loaded_before_rows', kb, 'KB_gzip');
        line('first_route_js_requests_before_rows', js.length, 'requests');
        line('browse_first_rows_after_navigation', p.firstRowPaint!, 'ms');
        await ctx.close();
      }

      // ---- 100k-item folder: response → first rows, rows in the DOM, long tasks while scrolling ------
      {
        const { ctx, page } = await fresh();
        const listfolderTimings = trackListfolder(page);
        // --profile: also where the main thread goes from navigation to the first rows
        const loadCdp = profileScroll ? await ctx.newCDPSession(page) : null;
        if (loadCdp) {
          await loadCdp.send('Profiler.enable');
          await loadCdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await loadCdp.send('Profiler.start');
        }
        await page.goto(`${app.url}/folder/${big.id}`);
        const p = await firstRows(page, 120_000);
        if (loadCdp) {
          printProfile(((await loadCdp.send('Profiler.stop')) as { profile: CpuProfile }).profile, app.url, 'load_profile_self');
          await loadCdp.detach();
        }
        await page.waitForTimeout(200);
        const [listing] = await listfolderTimings(big.id);
        const responseToRows = p.firstRowPaint! - listing.end;
        line('big_folder_listfolder_request', listing.end - listing.start, 'ms');
        line('big_folder_response_to_first_rows', responseToRows, 'ms');
        line('big_folder_first_rows_after_navigation', p.firstRowPaint!, 'ms');
        const rowsAtRest = await page.locator('[role=listbox] [role=option]').count();
        line('big_folder_rows_in_dom', rowsAtRest, 'rows');
        // a string, not a function: tsx's name helpers do not exist in the page
        const cdp = profileScroll ? await ctx.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        const lt = (await page.evaluate(SCROLL)) as { maxRows: number; count: number; longest: number; seconds: number };
        if (cdp) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile, app.url);
        line('big_folder_scroll_duration', lt.seconds, 's');
        line('big_folder_scroll_max_rows_in_dom', lt.maxRows, 'rows');
        line('big_folder_scroll_long_tasks', lt.count, 'tasks');
        line('big_folder_scroll_longest_task', lt.longest, 'ms');
        budget('big_folder_response_to_rows', responseToRows <= 500, `${responseToRows.toFixed(0)} ms, limit 500 ms`);
        budget('big_folder_rows_in_dom', Math.max(rowsAtRest, lt.maxRows) <= 150, `${Math.max(rowsAtRest, lt.maxRows)} rows at most, limit 150`);
        budget('big_folder_no_long_task_scrolling', lt.longest <= 50, `longest ${lt.longest.toFixed(0)} ms over ${lt.count} long tasks, limit 50 ms`);
        await ctx.close();
      }

      // ---- revisiting a folder: after a reload (offline cache) and in-app (Query cache) ---------------
      {
        const { ctx, page } = await fresh();
        const listfolderTimings = trackListfolder(page);
        await page.goto(`${app.url}/folder/${small.id}`);
        await firstRows(page);
        // come back once the listing is stale (staleTime 30 s), so the app does ask again: the rows
        // must still come from the offline cache first
        await page.waitForTimeout(31_000);
        await page.reload();
        const p = await firstRows(page);
        const calls = (await listfolderTimings(small.id)).filter((c) => c.start > 0);
        const [anyApi, firstApiUrl] = await page.evaluate((api) => {
          const calls = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(api)).sort((a, b) => a.startTime - b.startTime);
          return [calls[0]?.startTime ?? Infinity, calls[0] ? new URL(calls[0].name).pathname : ''] as const;
        }, apiUrl);
        line('revisit_reload_first_api_request', firstApiUrl || 'none');
        const firstCall = calls.length ? calls[0].start : Infinity;
        line('revisit_reload_rows_in_dom', p.firstRowAt!, 'ms');
        line('revisit_reload_first_listfolder_start', Number.isFinite(firstCall) ? firstCall : 'none', Number.isFinite(firstCall) ? 'ms' : '');
        line('revisit_reload_first_api_request_start', Number.isFinite(anyApi) ? anyApi : 'none', Number.isFinite(anyApi) ? 'ms' : '');
        // in-app: another folder, then Back
        await page.getByRole('link', { name: 'My files' }).first().click();
        await page.waitForURL(/\/folder\/0$/);
        await page.getByRole('listbox').getByRole('option', { name: /Revisited/ }).waitFor();
        const before = (await listfolderTimings(small.id)).length;
        const tBack = await page.evaluate(() => performance.now());
        await page.goBack();
        await page.getByRole('listbox').getByRole('option', { name: /note-0\.txt/ }).waitFor();
        const tRows = await page.evaluate(() => performance.now());
        const after = (await listfolderTimings(small.id)).length;
        line('revisit_in_app_back_to_rows', tRows - tBack, 'ms');
        line('revisit_in_app_listfolder_requests', after - before, 'requests');
        // the budget: the folder's rows do not wait for its listing (after a reload nor in-app);
        // whether they also beat every other call (the header's userinfo) is printed alongside
        const ok = p.firstRowAt! <= firstCall && after === before;
        line('revisit_reload_rows_before_any_api_request', p.firstRowAt! <= anyApi ? 'yes' : 'no');
        const at = (t: number) => (Number.isFinite(t) ? `at ${t.toFixed(0)} ms` : 'never');
        budget('revisit_paints_before_request', ok, `reload: rows ${at(p.firstRowAt!)}, first listfolder ${at(firstCall)}, first API request ${at(anyApi)}; in-app Back: ${after - before} requests`);
        await ctx.close();
      }

    } // end of the sections --only-lighthouse skips

    // ---- --profile-load: the browse view's start-up at 4× CPU slowdown (Lighthouse's mobile figure) --
    if (profileLoad) {
      const ctx = await browser.newContext({ storageState, serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
      await ctx.addInitScript(PROBE);
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${app.url}/folder/0`); // once, to fill the offline cache as a revisit would
      await page.waitForTimeout(2000);
      await page.goto('about:blank');
      // five loads: long tasks of each and their blocking time (the part of each over 50 ms), then
      // the self time per function of the last one
      const blocking: number[] = [];
      for (let run = 0; run < 5; run++) {
        const last = run === 4;
        if (last) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
          await cdp.send('Profiler.start');
        }
        await page.goto('about:blank');
        await page.goto(`${app.url}/folder/0`);
        await page.waitForTimeout(3000);
        const tasks = await page.evaluate(() => (window as unknown as { __bench: { longtasks: number[][] } }).__bench.longtasks.map(([s, d]) => [Math.round(s), Math.round(d)]));
        line(`load_long_tasks_4x run${run + 1}`, JSON.stringify(tasks));
        blocking.push(tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
        if (last) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile, app.url, 'load_profile_self_4x');
      }
      // one more load with a trace: what each long task of the main thread ran (first-level events)
      await page.goto('about:blank');
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await page.goto(`${app.url}/folder/0`);
      await page.waitForTimeout(3000);
      printLongTaskContents(JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }, app.url);
      line('load_blocking_4x_runs', blocking.join(','), 'ms');
      line('load_blocking_4x_median', blocking.sort((x, y) => x - y)[2], 'ms');
      await ctx.close();
    }

    // ---- Lighthouse (mobile, simulated throttling) on the browse view ------------------------------
    if (!skipLighthouse) await runLighthouse(app.url, storageState);
  } finally {
    await browser.close();
    app.server.close();
    await emu.close();
    await fsp.rm(work, { recursive: true, force: true });
  }

  console.log('\nsummary (for the README):');
  console.log('| budget | result | measured |\n|---|---|---|');
  for (const v of verdicts) console.log(`| ${v.name} | ${v.ok ? 'met' : '**not met**'} | ${v.detail} |`);
}

async function runLighthouse(appUrl: string, storageState: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<void> {
  type Audit = { numericValue?: number; displayValue?: string; details?: { items?: Record<string, unknown>[] } };
  type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: { categories: { performance: { score: number | null } }; audits: Record<string, Audit> } } | undefined>;
  let lighthouse: LighthouseFn;
  try {
    // optional: Lighthouse is a devDependency only where it installs (it needs Node ≥ 18.16 in 12.x)
    lighthouse = ((await import('lighthouse' as string)) as { default: LighthouseFn }).default;
  } catch {
    line('lighthouse_performance', 'skipped (lighthouse is not installed)');
    return;
  }
  const port = await freePort();
  const profile = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-lh-'));
  // Lighthouse drives its own tab over the DevTools port of a browser that is already signed in
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [...LAUNCH_ARGS, `--remote-debugging-port=${port}`] });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`${appUrl}/welcome`);
    await page.evaluate((items) => items.forEach(({ name, value }) => localStorage.setItem(name, value)), storageState.origins.find((o) => o.origin === appUrl)?.localStorage ?? []);
    await page.goto('about:blank');
    const url = `${appUrl}/folder/0`;
    const scores: number[] = [];
    let last: Awaited<ReturnType<LighthouseFn>>;
    for (let run = 0; run < 3; run++) {
      last = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true, formFactor: 'mobile' });
      scores.push(Math.round((last?.lhr.categories.performance.score ?? 0) * 100));
    }
    const median = scores.sort((a, b) => a - b)[1];
    const a = last!.lhr.audits;
    line('lighthouse_performance_runs', scores.join(','));
    line('lighthouse_performance', median, 'score');
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'])
      line(`lighthouse_${id.replace(/-/g, '_')}`, a[id]?.numericValue ?? NaN, id === 'cumulative-layout-shift' ? '' : 'ms');
    // where the main thread went (simulated 4x slower CPU): the lead for TBT
    for (const item of a['mainthread-work-breakdown']?.details?.items ?? []) line(`lighthouse_mainthread ${String(item.group)}`, Number(item.duration), 'ms');
    for (const item of (a['bootup-time']?.details?.items ?? []).slice(0, 5)) line(`lighthouse_bootup ${String(item.url).replace(appUrl, '')}`, Number(item.scripting), 'ms_scripting');
    // the long tasks themselves (simulated times): which script, when, how long
    for (const item of (a['long-tasks']?.details?.items ?? []).slice(0, 8)) line(`lighthouse_long_task ${String(item.url).replace(appUrl, '') || '(none)'}@${Number(item.startTime).toFixed(0)}ms`, Number(item.duration), 'ms');
    budget('lighthouse_performance_mobile', median >= 95, `median of 3 runs ${median}, limit 95`);
  } catch (err) {
    line('lighthouse_performance', `failed (${(err as Error).message.split('\n')[0]})`);
  } finally {
    await ctx.close();
    await fsp.rm(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
