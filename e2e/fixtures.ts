// What every spec shares: calling the emulator (arrange through the API, assert through the UI),
// accounts per worker signed in once through the real OAuth page (later tests start from the saved
// storage state), the permissive emulator per worker, and the helpers more than one spec needs.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import yauzl from 'yauzl';
import { startPermissive, type Running } from './permissive';

export const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
export const APP_URL = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;

/** An emulator and the app it serves. */
export interface Server {
  api: string;
  app: string;
}
export const FAITHFUL: Server = { api: API_URL, app: APP_URL };

export interface Account {
  email: string;
  password: string;
  /** A password-login `auth` token (scripts' way) for arranging; the app itself signs in with OAuth. */
  token: string;
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** An account whose sign-in through the OAuth page was saved: open a context with `state` and it is signed in. */
export interface SignedIn extends Account {
  server: Server;
  state: StorageState;
}

// ---- the API, as any pCloud client calls it -----------------------------------------------------

export async function call<T = Record<string, unknown>>(api: string, method: string, params: Record<string, string | number> = {}, token?: string): Promise<T> {
  const body = new URLSearchParams(Object.entries({ ...params, ...(token ? { auth: token } : {}) }).map(([k, v]): [string, string] => [k, String(v)]));
  const json = (await (await fetch(`${api}/${method}`, { method: 'POST', body })).json()) as T & { result: number; error?: string };
  if (json.result !== 0) throw new Error(`${method}: ${json.result} ${json.error}`);
  return json;
}

/** Calls the faithful emulator the Playwright config runs. */
export const api = <T = Record<string, unknown>>(method: string, params: Record<string, string | number> = {}, token?: string) => call<T>(API_URL, method, params, token);

/** Several files in one multipart uploadfile; returns their file ids. */
export async function uploadMany(token: string, folderid: number, files: [name: string, content: string | Uint8Array][], apiBase = API_URL): Promise<number[]> {
  const fd = new FormData();
  for (const [name, content] of files) fd.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(`${apiBase}/uploadfile?folderid=${folderid}&auth=${encodeURIComponent(token)}`, { method: 'POST', body: fd });
  const json = (await res.json()) as { result: number; fileids: number[] };
  if (json.result !== 0) throw new Error(`uploadfile: ${json.result}`);
  return json.fileids;
}

export async function upload(token: string, folderid: number, name: string, content: string | Uint8Array, apiBase = API_URL): Promise<number> {
  return (await uploadMany(token, folderid, [[name, content]], apiBase))[0];
}

export async function newFolder(token: string, name: string, parent = 0, apiBase = API_URL): Promise<number> {
  return (await call<{ metadata: { folderid: number } }>(apiBase, 'createfolder', { folderid: parent, name }, token)).metadata.folderid;
}

/** Sorted names in a folder. */
export async function names(token: string, folderid: number, apiBase = API_URL): Promise<string[]> {
  const r = await call<{ metadata: { contents?: { name: string }[] } }>(apiBase, 'listfolder', { folderid }, token);
  return (r.metadata.contents ?? []).map((c) => c.name).sort();
}

let counter = 0;

/** A new account, registered through the API (its welcome mail carries the verification code). */
export async function newAccount(server: Server = FAITHFUL): Promise<Account> {
  const email = `e2e-${process.pid}-${Date.now()}-${counter++}@example.com`;
  const password = 'Sunny-Days-42';
  await call(server.api, 'register', { mail: email, password, termsaccepted: 'yes' });
  const login = await call<{ auth: string }>(server.api, 'userinfo', { username: email, password, getauth: 1 });
  return { email, password, token: login.auth };
}

/**
 * Link and share methods need a verified e-mail (2014): the code is in the faithful emulator's
 * welcome mail (its outbox is a folder of text files), used the way a person would.
 */
export async function verify(account: Account): Promise<void> {
  const outbox = join(process.env.E2E_DATA!, 'outbox');
  const safe = account.email.replace(/[^a-zA-Z0-9@._-]/g, '_');
  let code: string | undefined;
  await expect
    .poll(async () => {
      for (const m of (await readdir(outbox)).filter((f) => f.endsWith(`-${safe}.txt`))) {
        code = /Verification code: (\S+)/.exec(await readFile(join(outbox, m), 'utf8'))?.[1] ?? code;
      }
      return code;
    }, { message: 'welcome mail in the outbox' })
    .toBeTruthy();
  await api('verifyemail', { code: code! });
}

// ---- signing in ---------------------------------------------------------------------------------

/** Signs in through the real OAuth page of the emulator, as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }, app = ''): Promise<void> {
  await page.goto(`${app}/`);
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page).toHaveURL(/\/folder\/0$/);
}

/** Opens the app in a page whose context starts from a saved sign-in: it lands in My files. */
export async function openApp(page: Page, app = ''): Promise<void> {
  await page.goto(`${app}/`);
  await expect(page).toHaveURL(/\/folder\/0$/);
}

/** A new browser context (its own storage) signed in as `who`; close it when done. */
export async function signedInPage(browser: Browser, who: SignedIn): Promise<Page> {
  const context = await browser.newContext({ storageState: who.state, baseURL: who.server.app });
  const page = await context.newPage();
  await openApp(page);
  return page;
}

// ---- pages and the listing ----------------------------------------------------------------------

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const list = (page: Page) => page.getByRole('listbox');
/** A row of the listing whose accessible name contains `name`. */
export const option = (page: Page, name: string) => list(page).getByRole('option', { name: new RegExp(escapeRegExp(name)) });

/** Opens folders and files by double-click, one level after the other. */
export async function openPath(page: Page, ...names: RegExp[]): Promise<void> {
  for (const n of names) await list(page).getByRole('option', { name: n }).first().dblclick();
}

/** Right-clicks a row (keeping the selection) and runs a command of its context menu. */
export async function contextMenu(page: Page, name: string, command: string): Promise<void> {
  await option(page, name).click({ button: 'right' });
  await page.getByRole('menuitem', { name: command }).click();
}

/** Selects the rows (Ctrl-click after the first), then runs a command from the last one's context menu. */
export async function runOn(page: Page, rows: string[], command: string): Promise<void> {
  await option(page, rows[0]).click();
  for (const n of rows.slice(1)) await option(page, n).click({ modifiers: ['ControlOrMeta'] });
  await contextMenu(page, rows[rows.length - 1], command);
}

/** A browser context with no session at all (a stranger following a link). */
export async function anonymousPage(browser: Browser, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: undefined, acceptDownloads: true, ...(viewport ? { viewport, isMobile: true, hasTouch: true } : {}) });
  return { context, page: await context.newPage() };
}

const ANON_METHOD = /\/(showpublink|getpub\w*|getpublinkdownload)(\?|$)/;

/** Collects every request that carries a credential; anonymous pages must leave this empty. */
export function watchCredentials(page: Page, onlyAnonymousMethods = false): string[] {
  const leaks: string[] = [];
  page.on('request', (r: Request) => {
    if (onlyAnonymousMethods && !ANON_METHOD.test(r.url())) return;
    const body = r.postData() ?? '';
    const url = new URL(r.url());
    if (r.headers().authorization) leaks.push(`Authorization header on ${r.url()}`);
    for (const p of ['access_token', 'auth']) {
      if (url.searchParams.has(p)) leaks.push(`${p} in URL ${r.url()}`);
      if (new URLSearchParams(body).has(p)) leaks.push(`${p} in body of ${r.url()}`);
    }
  });
  return leaks;
}

/** Every entry of a zip (folders end with "/" and have empty content), by name. */
export function zipEntries(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          out.set(entry.fileName, '');
          return zip.readEntry();
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString());
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

// ---- accounts per worker ------------------------------------------------------------------------

/**
 * Who the test's page is signed in as:
 * - `demo`: the seeded demo account (shared by every worker; only read from);
 * - `account` / `verified`: this worker's own account (its e-mail unverified / verified), emptied
 *   before each test that uses it;
 * - `disposable`: a new account for this test alone (for tests that revoke its sign-ins).
 */
export type Kind = 'demo' | 'account' | 'verified' | 'disposable';
export type Emulator = 'faithful' | 'permissive';

const DEMO = { email: 'demo@pcloud.local', password: 'pcloud-demo' };

interface Lists {
  shares: { incoming: { shareid: number }[]; outgoing: { shareid: number }[] };
  requests: { incoming: { sharerequestid: number }[]; outgoing: { sharerequestid: number }[] };
}

/**
 * Gives a worker's account back as new: no files, trash, links, shares, playlists, extra devices,
 * and English. The tests of a worker run one after another, so this is all the isolation they need.
 */
async function empty(a: SignedIn, keepTokens: ReadonlySet<number>): Promise<void> {
  const c = <T = Record<string, unknown>>(method: string, params: Record<string, string | number> = {}) => call<T>(a.server.api, method, params, a.token);
  const { shares, requests } = await c<Lists>('listshares');
  for (const s of [...shares.outgoing, ...shares.incoming]) await c('removeshare', { shareid: s.shareid });
  for (const r of requests.outgoing) await c('cancelsharerequest', { sharerequestid: r.sharerequestid });
  for (const r of requests.incoming) await c('declineshare', { sharerequestid: r.sharerequestid });
  for (const l of (await c<{ publinks: { linkid: number }[] }>('listpublinks')).publinks) await c('deletepublink', { linkid: l.linkid });
  for (const l of (await c<{ uploadlinks: { uploadlinkid: number }[] }>('listuploadlinks')).uploadlinks) await c('deleteuploadlink', { uploadlinkid: l.uploadlinkid });
  for (const col of (await c<{ collections: { id: number; system: boolean }[] }>('collection_list')).collections) {
    if (!col.system) await c('collection_delete', { collectionid: col.id });
  }
  const root = await c<{ metadata: { contents?: { isfolder: boolean; folderid?: number; fileid?: number }[] } }>('listfolder', { folderid: 0 });
  for (const item of root.metadata.contents ?? []) {
    if (item.isfolder) await c('deletefolderrecursive', { folderid: item.folderid! });
    else await c('deletefile', { fileid: item.fileid! });
  }
  await c('trash_clear', { folderid: 0 });
  await c('setlanguage', { language: 'en' });
  for (const t of (await c<{ tokens: { tokenid: number }[] }>('listtokens')).tokens) {
    if (!keepTokens.has(t.tokenid)) await c('deletetoken', { tokenid: t.tokenid });
  }
}

class Accounts {
  private readonly kept = new Map<string, Promise<{ who: SignedIn; tokens: Set<number> }>>();

  constructor(
    private readonly browser: Browser,
    private readonly permissive: () => Promise<Server>,
  ) {}

  server(emulator: Emulator): Promise<Server> {
    return emulator === 'permissive' ? this.permissive() : Promise.resolve(FAITHFUL);
  }

  /** Signs in through the OAuth page in a context of its own and keeps what the browser stored. */
  async signInOnce(server: Server, account: Account): Promise<SignedIn> {
    const context = await this.browser.newContext({ storageState: undefined, baseURL: server.app });
    try {
      const page = await context.newPage();
      await signIn(page, account);
      return { ...account, server, state: await context.storageState() };
    } finally {
      await context.close();
    }
  }

  /** The account of `kind` for one test: demo as it is, the worker's own emptied, a disposable one new. */
  async forTest(kind: Kind, emulator: Emulator): Promise<SignedIn> {
    const server = await this.server(emulator);
    if (kind === 'disposable') return this.signInOnce(server, await newAccount(server));
    if (kind === 'demo' && emulator !== 'faithful') throw new Error('the demo account lives on the faithful emulator');
    const key = `${emulator}:${kind}`;
    if (!this.kept.has(key)) this.kept.set(key, this.create(kind, server));
    const { who, tokens } = await this.kept.get(key)!;
    if (kind !== 'demo') await empty(who, tokens);
    return who;
  }

  private async create(kind: Kind, server: Server): Promise<{ who: SignedIn; tokens: Set<number> }> {
    let account: Account;
    if (kind === 'demo') {
      const login = await call<{ auth: string }>(server.api, 'userinfo', { username: DEMO.email, password: DEMO.password, getauth: 1 });
      account = { ...DEMO, token: login.auth };
    } else {
      if (kind === 'verified' && server !== FAITHFUL) throw new Error('verified accounts live on the faithful emulator (its outbox is the one read)');
      account = await newAccount(server);
      if (kind === 'verified') await verify(account);
    }
    const who = await this.signInOnce(server, account);
    // the sign-ins this account starts with; any other (a device a test added) goes at the next test
    const tokens = kind === 'demo' ? new Set<number>() : new Set((await call<{ tokens: { tokenid: number }[] }>(server.api, 'listtokens', {}, account.token)).tokens.map((t) => t.tokenid));
    return { who, tokens };
  }
}

interface TestFixtures {
  /** Who the `page` starts signed in as (from the saved storage state); nobody by default. */
  signedInAs: Kind | undefined;
  /** Which emulator `me` lives on. */
  emulator: Emulator;
  /** The account the page is signed in as (needs `signedInAs`). */
  me: SignedIn;
  /** This worker's faithful account with an unverified e-mail, emptied for this test. */
  account: SignedIn;
  /** This worker's faithful account with a verified e-mail, emptied for this test. */
  verified: SignedIn;
  _forTest: (kind: Kind, emulator: Emulator) => Promise<SignedIn>;
}

interface WorkerFixtures {
  /** This worker's permissive emulator, started the first time a test asks for it. */
  permissive: Server;
  _permissive: () => Promise<Server>;
  _accounts: Accounts;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  _permissive: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      let running: Promise<Running> | undefined;
      await use(async () => {
        running ??= startPermissive();
        const { api: a, app } = await running;
        return { api: a, app };
      });
      // a server that never started has nothing to stop (its test already failed on that)
      await running?.then((r) => r.stop(), () => undefined);
    },
    { scope: 'worker' },
  ],
  permissive: [async ({ _permissive }, use) => use(await _permissive()), { scope: 'worker' }],
  _accounts: [async ({ browser, _permissive }, use) => use(new Accounts(browser, _permissive)), { scope: 'worker' }],

  signedInAs: [undefined, { option: true }],
  emulator: ['faithful', { option: true }],
  _forTest: async ({ _accounts }, use) => {
    // each account is emptied once per test, however many fixtures ask for it
    const memo = new Map<string, Promise<SignedIn>>();
    await use((kind, emulator) => {
      const key = `${emulator}:${kind}`;
      if (!memo.has(key)) memo.set(key, _accounts.forTest(kind, emulator));
      return memo.get(key)!;
    });
  },
  storageState: async ({ storageState, signedInAs, emulator, _forTest }, use) => {
    await use(signedInAs ? (await _forTest(signedInAs, emulator)).state : storageState);
  },
  me: async ({ signedInAs, emulator, _forTest }, use) => {
    if (!signedInAs) throw new Error('`me` is the signed-in account: set test.use({ signedInAs })');
    await use(await _forTest(signedInAs, emulator));
  },
  account: async ({ _forTest }, use) => use(await _forTest('account', 'faithful')),
  verified: async ({ _forTest }, use) => use(await _forTest('verified', 'faithful')),
});

export { expect };
