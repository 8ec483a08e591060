// A permissive emulator of a spec's own (OAuth tokens may call getzip, trash, collections, listtokens
// …), started next to the faithful one the Playwright config runs, with helpers to call it directly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Account } from './fixtures';

export interface Server {
  api: string;
  app: string;
  child: ChildProcess;
}

export function startPermissive(): Promise<Server> {
  const data = mkdtempSync(join(tmpdir(), 'pcloud-e2e-permissive-'));
  const child = spawn('node_modules/.bin/tsx', ['emulator/cli.ts', 'serve', '--permissive', '--port', '0', '--data', data, '--app', process.env.E2E_APP_DIST ?? 'dist', '--app-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`permissive emulator did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const apiUrl = /listening on (\S+)/.exec(out)?.[1];
      const appUrl = /app on (\S+)/.exec(out)?.[1];
      if (apiUrl && appUrl) {
        clearTimeout(timer);
        resolve({ api: apiUrl, app: appUrl, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`permissive emulator exited (${code}): ${out}`)));
  });
}

export async function call<T = Record<string, unknown>>(base: string, method: string, params: Record<string, string | number> = {}, token?: string): Promise<T> {
  const body = new URLSearchParams(Object.entries({ ...params, ...(token ? { auth: token } : {}) }).map(([k, v]): [string, string] => [k, String(v)]));
  const json = (await (await fetch(`${base}/${method}`, { method: 'POST', body })).json()) as T & { result: number; error?: string };
  if (json.result !== 0) throw new Error(`${method}: ${json.result} ${json.error}`);
  return json;
}

export async function put(base: string, token: string, folderid: number, name: string, content: string): Promise<number> {
  const fd = new FormData();
  fd.append('file', new Blob([content]), name);
  const json = (await (await fetch(`${base}/uploadfile?folderid=${folderid}&auth=${encodeURIComponent(token)}`, { method: 'POST', body: fd })).json()) as { result: number; fileids: number[] };
  if (json.result !== 0) throw new Error(`uploadfile: ${json.result}`);
  return json.fileids[0];
}

export async function accountOn(base: string): Promise<Account> {
  const email = `e2e-permissive-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const password = 'Sunny-Days-42';
  await call(base, 'register', { mail: email, password, termsaccepted: 'yes' });
  const login = await call<{ auth: string }>(base, 'userinfo', { username: email, password, getauth: 1 });
  return { email, password, token: login.auth };
}

export async function signInOn(page: Page, app: string, account: Account) {
  await page.goto(app);
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page).toHaveURL(/\/folder\/0$/);
}
