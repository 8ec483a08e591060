// Emulator benchmarks (issue: foundation, issue 14). Prints one `name value unit` line per figure.
//  - recursive listfolder of a 100,000-item tree
//  - download throughput through getfilelink vs a plain static file server, same file, same run
//  - 200 concurrent keep-alive clients on listfolder of a 100-file folder: req/s, errors, p50, p99,
//    the ratio against a plain node:http server answering the same bytes in the same run, the
//    server's RSS before/after, the same load with every call missing the reply cache, and again
//    with 1,000 idle diff long polls open
//  - search over 1,000,000 names
// `--quick` shortens everything; `--concurrent` / `--search` run one part alone.
//
// The clients run in a child process, so the emulator has its event loop and its memory to itself
// as it would with real clients. They first open their keep-alive connections together and make one
// untimed call each; `*_warmup` is how long it took until all 200 were answered once. That phase is
// measured apart because libuv accepts one new connection per event-loop turn and, under load, a
// turn serves every request ready on the busy connections: 200 connections opened at once into a
// saturated server were accepted over tens of seconds (see `*_requests_per_client_min`).
import { createServer } from 'node:http';
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'node:http';
import { spawn } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { Emulator } from '../emulator/server';
import { createFolder, createUser, putFile, recordBlob } from '../emulator/store/ops';
import { issueToken } from '../emulator/http/authenticate';

const quick = process.argv.includes('--quick');
const ITEMS = quick ? 10_000 : 100_000;
const LOAD_MS = quick ? 4_000 : 10_000;
const ROUNDS = 3;
const CLIENTS = 200;
const FILE_MB = quick ? 64 : 256;

function line(name: string, value: number | string, unit = ''): void {
  console.log(`${name} ${typeof value === 'number' ? Number(value.toFixed(3)) : value} ${unit}`.trim());
}

async function get(url: string, agent?: Agent): Promise<{ status: number; bytes: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes < 1_000_000) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function main() {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-'));
  const emu = await Emulator.create({ dataDir: dir, quirks: { rootRecursiveRefused: false } });
  const st = emu.st;
  const user = createUser(st, 'bench@example.com', 'bench-password');
  const token = issueToken({ st }, user, 'auth').token;
  const base = await emu.listen(0);

  // a 100k-item tree: 100 folders × (ITEMS/100 - 1) files, all sharing one small blob
  const top = createFolder(st, user, st.folderRow(user.rootfolder)!, 'tree');
  const blob = await st.blobs.putBuffer(Buffer.from('x'.repeat(100)));
  const t0 = performance.now();
  // rows go in with plain SQL: seeding is not what we measure
  recordBlob(st, blob);
  const insert = st.db.prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = Math.floor(Date.now() / 1000);
  st.db.transaction(() => {
    for (let f = 0; f < 100; f++) {
      const folder = createFolder(st, user, top, `folder-${f}`);
      for (let i = 0; i < ITEMS / 100 - 1; i++) insert.run(user.id, folder.id, `file-${i}.txt`, blob.key, blob.size, now, now);
    }
  })();
  line('seed_items', ITEMS, 'items');
  line('seed_time', (performance.now() - t0) / 1000, 's');
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const t1 = performance.now();
  const listing = await get(`${base}/listfolder?folderid=${top.id}&recursive=1&auth=${token}`, agent);
  line('listfolder_recursive_100k', (performance.now() - t1) / 1000, 's');
  line('listfolder_recursive_bytes', listing.bytes / 1e6, 'MB');

  // download throughput vs a static server on the same file
  const big = join(dir, 'big.bin');
  const fh = await fsp.open(big, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 7);
  for (let i = 0; i < FILE_MB; i++) await fh.write(chunk);
  await fh.close();
  const bigBlob = await st.blobs.put(createReadStream(big));
  const bigFile = putFile(st, user, st.folderRow(user.rootfolder)!, 'big.bin', bigBlob);
  const link = JSON.parse((await get(`${base}/getfilelink?fileid=${bigFile.id}&auth=${token}`)).body!) as { hosts: string[]; path: string };
  const staticServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Length': FILE_MB * 1024 * 1024, 'Content-Type': 'application/octet-stream' });
    createReadStream(big, { highWaterMark: 256 * 1024 }).pipe(res);
  });
  await new Promise<void>((r) => staticServer.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/big.bin`;
  const measure = async (url: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await get(url);
      if (r.bytes !== FILE_MB * 1024 * 1024) throw new Error(`short download ${r.bytes}`);
      best = Math.min(best, performance.now() - t);
    }
    return (FILE_MB / best) * 1000;
  };
  const staticMBs = await measure(staticUrl);
  const emuMBs = await measure(`http://${link.hosts[0]}${link.path}`);
  line('download_static', staticMBs, 'MB/s');
  line('download_emulator', emuMBs, 'MB/s');
  line('download_ratio', emuMBs / staticMBs, 'x');
  staticServer.close();

  agent.destroy();
  await emu.close();
  await fsp.rm(dir, { recursive: true, force: true });
}

/**
 * `search` over SEARCH_ITEMS files and folders of one account (issue 18: ≤ 100 ms per query): rows go
 * in through the store's tables (the search triggers index them as in real use), then each query
 * runs RUNS times over HTTP with limit=100 and its median is printed.
 */
async function benchSearch(): Promise<void> {
  const SEARCH_ITEMS = quick ? 100_000 : 1_000_000;
  const RUNS = 15;
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-search-'));
  const emu = await Emulator.create({ dataDir: dir });
  const st = emu.st;
  const user = createUser(st, 'search@example.com', 'bench-password');
  const token = issueToken({ st }, user, 'auth').token;
  const base = await emu.listen(0);
  const blob = await st.blobs.putBuffer(Buffer.from('search'));
  recordBlob(st, blob);
  const words = ['Holiday', 'Beach', 'Invoice', 'Report', 'Family', 'Birthday', 'Garden', 'Müller', 'Crème', 'Projekt',
    'Summer', 'Winter', 'Scan', 'Contract', 'Budget', 'Meeting', 'Notes', 'Draft', 'Final', 'Wedding', 'Paris', 'Berlin',
    'Office', 'Party', 'Concert', 'Receipt', 'Tax', 'Car', 'House', 'Kids', 'Dog', 'Cat', 'Mountain', 'Lake', 'Trip'];
  const exts = ['jpg', 'jpg', 'jpg', 'jpeg', 'png', 'heic', 'mp4', 'mov', 'pdf', 'docx', 'xlsx', 'txt', 'zip', 'mp3'];
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const now = Math.floor(Date.now() / 1000);
  const insert = st.db.prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  const perFolder = 1000;
  st.db.transaction(() => {
    const root = st.folderRow(user.rootfolder)!;
    for (let f = 0; f < SEARCH_ITEMS / perFolder; f++) {
      const folder = createFolder(st, user, root, `${words[rnd(words.length)]} ${2000 + (f % 25)} ${f}`);
      for (let i = 0; i < perFolder - 1; i++) {
        const name = `${words[rnd(words.length)]} ${words[rnd(words.length)]} ${rnd(100_000)}.${exts[rnd(exts.length)]}`;
        const t = now - rnd(10 * 365 * 86400);
        insert.run(user.id, folder.id, name, blob.key, blob.size, t, t);
      }
    }
  })();
  line('search_items', SEARCH_ITEMS, 'items');
  line('search_seed_time', (performance.now() - t0) / 1000, 's');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const median = async (params: string): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await get(`${base}/search?${params}&limit=100&auth=${token}`, agent);
      if (!r.body?.startsWith('{"result":0')) throw new Error(`search ${params}: ${r.body?.slice(0, 200)}`);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  };
  line('search_words', await median('query=muller%20invoice%2012'), 'ms');
  line('search_word', await median('query=wedding'), 'ms');
  line('search_accent_case', await median('query=CREME%20lake%209999'), 'ms');
  line('search_category_page', await median('query=&category=1&offset=5000'), 'ms');
  line('search_word_category', await median('query=berlin&category=2'), 'ms');
  line('search_short_word', await median('query=ca%2077'), 'ms');
  agent.destroy();
  await emu.close();
  await fsp.rm(dir, { recursive: true, force: true });
}

interface LoadResult {
  /** The server process's CPU time (user + system) during the timed window, ms. */
  cpuMs: number;
  warmupMs: number;
  latencies: number[];
  perClient: number[];
  errors: number;
}

/**
 * The load generator, run in its own process (plain JS, `node -e`): the server under test keeps both
 * its event loop and its RSS to itself. `clients` keep-alive connections call `url` in a loop for
 * `durationMs`; `waiters` more connections sit in `diff?block=1` long polls meanwhile (each
 * re-polls when answered), as idle app tabs do.
 */
const LOAD_CHILD = `
const { Agent, request } = require('node:http');
const { url, clients, durationMs, waiterUrls, unique } = JSON.parse(process.argv[1]);
let seq = 0;
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const get = () => new Promise((resolve) => {
  const req = request(unique ? url + '&nocache=' + seq++ : url, { agent }, (res) => {
    let head = '';
    res.on('data', (c) => { if (head.length < 16) head += c.toString('latin1', 0, 16); });
    res.on('end', () => resolve(res.statusCode === 200 && head.startsWith('{"result":0')));
    res.on('error', () => resolve(false));
  });
  req.on('error', () => resolve(false));
  req.end();
});
let stopping = false;
const waitAgent = new Agent({ keepAlive: true, maxSockets: Infinity });
const poll = (u) => new Promise((resolve) => {
  const req = request(u, { agent: waitAgent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode === 200)); res.on('error', () => resolve(false)); });
  req.on('error', () => resolve(false));
  req.end();
});
const waiting = waiterUrls.map(async (u) => { while (!stopping) if (!(await poll(u))) return; });
(async () => {
  // long polls first, in batches (libuv accepts one connection per turn), so they are all idle when the clock starts
  if (waiterUrls.length) await new Promise((r) => setTimeout(r, 500 + waiterUrls.length));
  let errors = 0;
  const t0 = performance.now();
  const warm = await Promise.all(Array.from({ length: clients }, () => get()));
  errors += warm.filter((ok) => !ok).length;
  const warmupMs = performance.now() - t0;
  process.send('start');
  const latencies = [];
  const perClient = new Array(clients).fill(0);
  const end = Date.now() + durationMs;
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    while (Date.now() < end) {
      const t = performance.now();
      if (!(await get())) errors++;
      latencies.push(performance.now() - t);
      perClient[i]++;
    }
  }));
  stopping = true;
  agent.destroy();
  waitAgent.destroy();
  void waiting;
  process.send({ warmupMs, latencies, perClient, errors }, () => process.exit(0));
})();
`;

function runLoad(url: string, clients: number, durationMs: number, waiterUrls: string[] = [], unique = false): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_CHILD, JSON.stringify({ url, clients, durationMs, waiterUrls, unique })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let cpu = process.cpuUsage();
    child.on('message', (m) => {
      if (m === 'start') cpu = process.cpuUsage();
      else {
        const used = process.cpuUsage(cpu);
        resolve({ ...(m as LoadResult), cpuMs: (used.user + used.system) / 1000 });
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

function merge(runs: LoadResult[]): LoadResult {
  return {
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0),
    warmupMs: Math.max(...runs.map((r) => r.warmupMs)),
    latencies: runs.flatMap((r) => r.latencies),
    perClient: runs.flatMap((r) => r.perClient),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

const rssMB = () => process.memoryUsage().rss / 1e6;

function report(name: string, load: LoadResult, durationMs: number): number {
  const lat = load.latencies.sort((a, b) => a - b);
  load.perClient.sort((a, b) => a - b);
  const rps = lat.length / (durationMs / 1000);
  line(`${name}_warmup`, load.warmupMs / 1000, 's');
  line(`${name}_rps`, rps, 'req/s');
  line(`${name}_errors`, load.errors, 'errors');
  line(`${name}_p50`, lat[Math.floor(lat.length * 0.5)], 'ms');
  line(`${name}_p99`, lat[Math.floor(lat.length * 0.99)], 'ms');
  line(`${name}_requests_per_client_min`, load.perClient[0], 'requests');
  // what the server spent per request: unlike req/s, barely moved by other processes on the machine
  line(`${name}_server_cpu_per_request`, (load.cpuMs * 1000) / lat.length, 'µs');
  return rps;
}

/**
 * 200 keep-alive clients on `listfolder` of a 100-file folder, against the emulator and against a
 * plain `node:http` server answering the same bytes, in the same process and run (the machine is
 * shared: only the ratio between the two is comparable across runs). Then again with 1,000 idle
 * `diff` long polls of other users open, which must not cost the listing clients anything.
 */
async function benchConcurrent(): Promise<void> {
  const WAITERS = 1000;
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pcloud-bench-concurrent-'));
  const emu = await Emulator.create({ dataDir: dir });
  const st = emu.st;
  const user = createUser(st, 'load@example.com', 'bench-password');
  const token = issueToken({ st }, user, 'auth').token;
  const base = await emu.listen(0);
  const folder = createFolder(st, user, st.folderRow(user.rootfolder)!, 'hundred');
  const blob = await st.blobs.putBuffer(Buffer.from('y'.repeat(1000)));
  recordBlob(st, blob);
  const insert = st.db.prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = Math.floor(Date.now() / 1000);
  st.db.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run(user.id, folder.id, `photo-${String(i).padStart(3, '0')}.jpg`, blob.key, blob.size, now - i * 3600, now - i * 60);
  })();
  const url = `${base}/listfolder?folderid=${folder.id}&auth=${token}`;
  const sample = await get(url);
  const bytes = Buffer.from(sample.body!);
  if (!sample.body!.startsWith('{"result":0')) throw new Error(`listfolder: ${sample.body!.slice(0, 200)}`);

  // 100 users with 10 long polls each, all idle (nobody changes anything during the run)
  const waiterUrls: string[] = [];
  for (let u = 0; u < WAITERS / 10; u++) {
    const w = createUser(st, `waiter${u}@example.com`, 'bench-password');
    const wt = issueToken({ st }, w, 'auth').token;
    const diffid = (JSON.parse((await get(`${base}/diff?last=0&auth=${wt}`)).body!) as { diffid: number }).diffid;
    for (let i = 0; i < 10; i++) waiterUrls.push(`${base}/diff?diffid=${diffid}&block=1&auth=${wt}`);
  }

  const plainServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => plainServer.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${(plainServer.address() as AddressInfo).port}/listfolder`;

  line('load_average_1min', loadavg()[0]);
  line('concurrent_clients', CLIENTS, 'clients');
  line('concurrent_reply_bytes', bytes.length, 'bytes');
  // plain and emulator alternate, so a burst of other work on the machine hits both alike
  const plain: LoadResult[] = [];
  const emulated: LoadResult[] = [];
  const rssBefore = rssMB();
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await runLoad(plainUrl, CLIENTS, LOAD_MS));
    emulated.push(await runLoad(url, CLIENTS, LOAD_MS));
  }
  const rssAfter = rssMB();
  plainServer.close();
  const plainRps = report('plain', merge(plain), LOAD_MS * ROUNDS);
  const emuRps = report('concurrent', merge(emulated), LOAD_MS * ROUNDS);
  line('concurrent_ratio', emuRps / plainRps, 'x');
  line('concurrent_ratio_per_round', emulated.map((e, i) => (e.latencies.length / plain[i].latencies.length).toFixed(2)).join(','), 'x');
  // a parameter listfolder ignores makes every call a miss of the reply cache: the listing built each time
  const uncachedRps = report('concurrent_uncached', await runLoad(url, CLIENTS, LOAD_MS, [], true), LOAD_MS);
  line('concurrent_uncached_ratio', uncachedRps / plainRps, 'x');
  const waitRps = report('concurrent_with_waiters', await runLoad(url, CLIENTS, LOAD_MS, waiterUrls), LOAD_MS);
  line('concurrent_waiters', WAITERS, 'long polls');
  line('concurrent_with_waiters_ratio', waitRps / plainRps, 'x');
  line('server_rss_before', rssBefore, 'MB');
  line('server_rss_after', rssAfter, 'MB');
  line('server_rss_after_waiters', rssMB(), 'MB');
  line('load_average_1min', loadavg()[0]);
  await emu.close();
  await fsp.rm(dir, { recursive: true, force: true });
}

// `--search` runs the search figures alone, `--concurrent` the concurrent-clients figures alone
const only = process.argv.includes('--search') ? [benchSearch] : process.argv.includes('--concurrent') ? [benchConcurrent] : [main, benchConcurrent, benchSearch];
(async () => {
  for (const run of only) await run();
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
