// Full-access sign-in with e-mail and password (docs/pcloud/methods-core.md §7) against the faithful
// emulator, whose OAuth refusals stay on: trash and playlists work with it, OAuth sessions still get the
// explanation, two-step verification takes the code the CLI prints, and the password leaves no trace.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page, Request } from '@playwright/test';
import { test, expect, api, names, newAccount, upload, newFolder, type Account } from './fixtures';

const run = promisify(execFile);
const CLI = ['node_modules/.bin/tsx', 'emulator/cli.ts'] as const;

async function signInWithPassword(page: Page, email: string, password: string, app = ''): Promise<void> {
  await page.goto(`${app}/`);
  await page.getByRole('button', { name: 'Sign in with e-mail and password — full access' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Everything the page sent, and everything it logged. */
function record(page: Page): { requests: Request[]; console: string[] } {
  const requests: Request[] = [];
  const console: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('console', (m) => console.push(m.text()));
  return { requests, console };
}

/** Every value in localStorage, sessionStorage and every IndexedDB store, as one string. */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) parts.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((ok, fail) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        parts.push(JSON.stringify(all, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
      }
      db.close();
    }
    return parts.join('\n');
  });
}

test.describe('full access on the faithful emulator', () => {
  let account: Account;
  test.beforeEach(async () => {
    account = await newAccount();
  });

  test('signs in with e-mail and password, restores from the trash and makes playlists; the password leaves no trace', async ({ page }) => {
    const fileid = await upload(account.token, 0, 'old draft.txt', 'draft');
    await api('deletefile', { fileid }, account.token);
    const music = await newFolder(account.token, 'Music');
    await upload(account.token, music, 'a song.mp3', 'not really a song');
    const seen = record(page);

    await signInWithPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/folder\/0$/);

    // trash: refused to OAuth tokens by this emulator, open to the full-access session
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
    const main = page.getByRole('main');
    const table = main.getByRole('table', { name: 'Deleted items' });
    await expect(table.getByRole('row', { name: /old draft\.txt/ })).toBeVisible();
    await main.getByRole('checkbox', { name: 'Select old draft.txt' }).check();
    await main.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText('Restored “old draft.txt”')).toBeVisible();
    expect(await names(account.token, 0)).toEqual(['Music', 'old draft.txt']);

    // playlists, the .m3u import included
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Playlists' }).click();
    await main.getByRole('button', { name: 'Import .m3u…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a playlist' });
    await dialog.getByLabel('.m3u or .m3u8 file').setInputFiles({ name: 'Mix.m3u', mimeType: 'audio/x-mpegurl', buffer: Buffer.from('#EXTM3U\n/Music/a song.mp3\n') });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByText('Created the playlist “Mix” with 1 song.')).toBeVisible();
    const lists = await api<{ collections: { name: string }[] }>('collection_list', {}, account.token);
    expect(lists.collections.map((c) => c.name)).toContain('Mix');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // the password: in no URL, no request but the sign-in (and not even there: a digest travels), no storage, no log
    const secret = account.password;
    const encoded = [secret, encodeURIComponent(secret), new URLSearchParams({ p: secret }).toString().slice(2)];
    const login = seen.requests.filter((r) => /\/(userinfo|login)$/.test(new URL(r.url()).pathname) && (r.postData() ?? '').includes('passworddigest'));
    expect(login).toHaveLength(1);
    for (const r of seen.requests) {
      for (const e of encoded) {
        expect(r.url(), r.url()).not.toContain(e);
        expect(r.postData() ?? '', r.url()).not.toContain(e);
        expect(JSON.stringify(r.headers())).not.toContain(e);
      }
    }
    expect(await everythingStored(page)).not.toContain(secret);
    expect(seen.console.join('\n')).not.toContain(secret);

    // signing out ends the auth token on the server and leaves nothing behind
    const token = JSON.parse((await page.evaluate(() => localStorage.getItem('pcloud.session')))!) as { token: string; kind: string };
    expect(token.kind).toBe('auth');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
    await expect(api('userinfo', {}, token.token)).rejects.toThrow(/2000/);
    expect(await page.evaluate(() => localStorage.getItem('pcloud.session') ?? sessionStorage.getItem('pcloud.session'))).toBeNull();
  });

  test('a wrong password says so and keeps the e-mail', async ({ page }) => {
    await signInWithPassword(page, account.email, 'not the password');
    await expect(page.getByRole('alert')).toContainText('The e-mail or the password is not right');
    await expect(page.getByLabel('E-mail')).toHaveValue(account.email);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(page).toHaveURL(/\/welcome/);
  });
});

test.describe('OAuth sessions', () => {
  test.use({ signedInAs: 'account' });
  test('still see the honest explanation, and are offered full access', async ({ page }) => {
    await page.goto('/trash');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'The trash is not available with this sign-in' })).toBeVisible();
    await main.getByRole('button', { name: 'Sign in with full access' }).click();
    await expect(page).toHaveURL(/\/welcome\?access=full$/);
    await expect(page.getByLabel('E-mail')).toBeVisible();
  });
});

/** A faithful emulator of this spec's own, whose data dir gets a two-factor account before it starts. */
async function startWithTfaAccount(email: string, password: string): Promise<{ app: string; data: string; stop: () => Promise<void> }> {
  const data = mkdtempSync(join(tmpdir(), 'pcloud-e2e-tfa-'));
  // before the server runs: `user add` opens the store, whose start-up sweep must not race a server
  await run(CLI[0], [CLI[1], 'user', 'add', email, password, '--tfa', '--data', data]);
  const child: ChildProcess = spawn(CLI[0], [CLI[1], 'serve', '--port', '0', '--data', data, '--app', process.env.E2E_APP_DIST ?? 'dist', '--app-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(data, { recursive: true, force: true });
  };
  let out = '';
  const app = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /app on (\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
  return { app, data, stop };
}

test.describe('two-step verification', () => {
  test('asks for the code, which the CLI prints, and trusting the device skips it next time', async ({ page }) => {
    const email = 'two-step@example.com';
    const password = 'Second-Factor-8';
    const server = await startWithTfaAccount(email, password);
    try {
      await signInWithPassword(page, email, password, server.app);
      const step = page.getByRole('form', { name: 'Two-step verification' });
      await expect(step).toBeVisible();
      if (process.env.SHOT_DIR) await page.screenshot({ path: join(process.env.SHOT_DIR, `tfa-${page.viewportSize()?.width}.png`) });
      await step.getByLabel('Verification code').fill('000000');
      await step.getByRole('button', { name: 'Verify' }).click();
      await expect(step.getByRole('alert')).toHaveText('That code is not right or has expired. Try the current one.');
      const { stdout } = await run(CLI[0], [CLI[1], 'tfa-code', email, '--data', server.data]);
      await step.getByLabel('Verification code').fill(stdout.trim());
      await step.getByLabel(/Trust this device/).check();
      await step.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/folder\/0$/);

      // signed out, then in again on the trusted browser: no second step
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await signInWithPassword(page, email, password, server.app);
      await expect(page).toHaveURL(/\/folder\/0$/);
    } finally {
      await server.stop();
    }
  });
});
