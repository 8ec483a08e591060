// Upload benchmark (issue #4): the app's own upload path in headless Chromium against curl, same
// emulator, same run. Prints one `name value unit` line per figure.
//  - one 1 GiB file: the app (upload_* chunks + checksum check) vs `curl -T` (uploadfile, raw PUT)
//  - 1,000 files of 10 KB: the app (uploadfile, adaptive concurrency) vs a sequential `curl -F` loop
// `--quick` uses 256 MiB and 200 files. Each figure is the median of RUNS runs, each into its own
// folder, with min and max beside it (bench/stats.ts). Everything it creates is deleted at the end.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, promises as fsp } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { RUNS, printLoad, repeat, timing } from './stats';

const quick = process.argv.includes('--quick');
const BIG_MB = quick ? 256 : 1024;
const SMALL_COUNT = quick ? 200 : 1000;
const SMALL_SIZE = 10 * 1024;
const MB = 1024 * 1024;
const EMAIL = 'bench-upload@example.com';
const PASSWORD = 'bench-upload-42';

function line(name: string, value: number, unit = ''): void {
  console.log(`${name} ${Number(value.toFixed(3))} ${unit}`.trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const tsx = (args: string[], dataDir: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args, '--data', dataDir], { encoding: 'utf8' }).trim();

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function writeBigFile(path: string, mb: number): Promise<void> {
  const block = randomBytes(MB);
  const out = createWriteStream(path);
  for (let i = 0; i < mb; i++) {
    block.writeUInt32BE(i, 0);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function curl(args: string[]): string {
  const r = spawnSync('curl', ['-sS', '--fail-with-body', ...args], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`curl failed: ${r.stderr || r.stdout}`);
  const reply = JSON.parse(r.stdout) as { result: number; error?: string };
  if (reply.result !== 0) throw new Error(`curl upload: ${reply.result} ${reply.error}`);
  return r.stdout;
}

async function api(base: string, method: string, params: Record<string, string | number>, token: string): Promise<Record<string, unknown>> {
  const body = new URLSearchParams(Object.entries({ ...params, access_token: token }).map(([k, v]): [string, string] => [k, String(v)]));
  // a kept-alive socket the server closed while a long upload ran fails once: ask again (createfolder
  // and the like are harmless to repeat here, each run names its own folder)
  const send = () => fetch(`${base}/${method}`, { method: 'POST', body });
  const reply = (await (await send().catch(send)).json()) as Record<string, unknown>;
  if (reply.result !== 0) throw new Error(`${method}: ${String(reply.result)} ${String(reply.error)}`);
  return reply;
}

async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.waitForURL(/\/folder\/0$/);
}

/** Picks `files` in the app's upload input and waits until the panel says all are done (or fails). */
async function appUpload(page: Page, files: string[], timeoutMs: number): Promise<number> {
  const status = page.getByRole('region', { name: 'Uploads' }).getByRole('status');
  const done = `${files.length} upload${files.length === 1 ? '' : 's'} complete`;
  const t0 = performance.now();
  await page.locator('[data-testid=upload-files]').setInputFiles(files);
  await page.waitForFunction(
    ({ done }) => {
      const s = document.querySelector('section[aria-label="Uploads"] [role=status]')?.textContent ?? '';
      if (/failed|interrupted/.test(s)) throw new Error(`upload in the app: ${s}`);
      return s === done;
    },
    { done },
    { timeout: timeoutMs, polling: 50 },
  );
  const seconds = (performance.now() - t0) / 1000;
  if ((await status.textContent()) !== done) throw new Error('the app did not finish');
  // the next round starts with an empty panel
  await page.getByRole('button', { name: 'Clear finished' }).click();
  return seconds;
}

/** A new folder for one run, opened in the app so that its upload lands there. */
async function runFolder(page: Page, appUrl: string, base: string, token: string, name: string): Promise<number> {
  const { folderid } = (await api(base, 'createfolder', { folderid: 0, name }, token)).metadata as { folderid: number };
  await page.goto(`${appUrl}/folder/${folderid}`);
  // an empty folder shows no list: its breadcrumb says the page is there
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(name, { exact: true }).waitFor();
  return folderid;
}

async function main(): Promise<void> {
  printLoad('start');
  const work = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-upload-'));
  const dataDir = join(work, 'data');
  const appDir = join(work, 'app');
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
    // every run keeps its uploads (one folder each): room for all of them
    tsx(['user', 'add', EMAIL, PASSWORD, '--quota', '1T'], dataDir);
    const token = tsx(['token', EMAIL], dataDir).split('\n').pop()!.trim();
    const apiPort = await freePort();
    const appPort = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', 'serve', '--data', dataDir, '--port', String(apiPort), '--app', appDir, '--app-port', String(appPort)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${base}/health`, 60_000);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage();
    const appUrl = `http://127.0.0.1:${appPort}`;
    await signIn(page, appUrl);

    // ---- one big file ------------------------------------------------------------------------
    const big = join(work, 'big.bin');
    await writeBigFile(big, BIG_MB);
    const bytes = BIG_MB * MB;
    const bigRuns = await repeat(RUNS, async (i) => {
      await runFolder(page, appUrl, base, token, `app-big-${i}`);
      const app = await appUpload(page, [big], 15 * 60_000);
      const curlFolder = (await api(base, 'createfolder', { folderid: 0, name: `curl-big-${i}` }, token)).metadata as { folderid: number };
      const t1 = performance.now();
      curl(['-T', big, `${base}/uploadfile?folderid=${curlFolder.folderid}&filename=big.bin&nopartial=1&access_token=${token}`]);
      return { app, curl: (performance.now() - t1) / 1000 };
    });
    await fsp.rm(big, { force: true });
    const label = quick ? `${BIG_MB}mib` : '1gib';
    const appBig = timing(`upload_${label}_app_seconds`, bigRuns.map((r) => r.app), 's', 3).median;
    timing(`upload_${label}_app_throughput`, bigRuns.map((r) => bytes / MB / r.app), 'MB/s', 1);
    const curlBig = timing(`upload_${label}_curl_seconds`, bigRuns.map((r) => r.curl), 's', 3).median;
    timing(`upload_${label}_curl_throughput`, bigRuns.map((r) => bytes / MB / r.curl), 'MB/s', 1);
    line(`upload_${label}_app_vs_curl`, curlBig / appBig, 'x');

    // ---- many small files --------------------------------------------------------------------
    const smallDir = join(work, 'small');
    await fsp.mkdir(smallDir);
    const smalls: string[] = [];
    for (let i = 0; i < SMALL_COUNT; i++) {
      const p = join(smallDir, `small-${String(i).padStart(4, '0')}.bin`);
      await fsp.writeFile(p, randomBytes(SMALL_SIZE));
      smalls.push(p);
    }
    const smallRuns = await repeat(RUNS, async (i) => {
      await runFolder(page, appUrl, base, token, `app-small-${i}`);
      const app = await appUpload(page, smalls, 10 * 60_000);
      const curlFolder = (await api(base, 'createfolder', { folderid: 0, name: `curl-small-${i}` }, token)).metadata as { folderid: number };
      const t2 = performance.now();
      for (const p of smalls) curl(['-F', `file=@${p}`, `${base}/uploadfile?folderid=${curlFolder.folderid}&nopartial=1&access_token=${token}`]);
      return { app, curl: (performance.now() - t2) / 1000 };
    });
    const appSmall = timing(`upload_${SMALL_COUNT}x10k_app_seconds`, smallRuns.map((r) => r.app), 's', 3).median;
    timing(`upload_${SMALL_COUNT}x10k_app_rate`, smallRuns.map((r) => SMALL_COUNT / r.app), 'files/s', 1);
    const curlSmall = timing(`upload_${SMALL_COUNT}x10k_curl_loop_seconds`, smallRuns.map((r) => r.curl), 's', 3).median;
    timing(`upload_${SMALL_COUNT}x10k_curl_loop_rate`, smallRuns.map((r) => SMALL_COUNT / r.curl), 'files/s', 1);
    line(`upload_${SMALL_COUNT}x10k_app_vs_curl_loop`, curlSmall / appSmall, 'x');
    printLoad('end');
  } finally {
    await browser?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([once(server, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
    }
    await fsp.rm(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
