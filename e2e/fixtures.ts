import { test as base, expect, type Page } from '@playwright/test';

export const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT}`;

export interface Account {
  email: string;
  password: string;
  token: string;
}

/** Calls the emulator like any pCloud client would (arrange through the API, assert through the UI). */
export async function api<T = Record<string, unknown>>(method: string, params: Record<string, string | number> = {}, token?: string): Promise<T> {
  // test accounts use a password-login `auth` token (scripts' way); the app itself uses OAuth
  const body = new URLSearchParams(Object.entries({ ...params, ...(token ? { auth: token } : {}) }).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(`${API_URL}/${method}`, { method: 'POST', body });
  const json = (await res.json()) as T & { result: number; error?: string };
  if (json.result !== 0) throw new Error(`${method}: ${json.result} ${json.error}`);
  return json;
}

export async function upload(token: string, folderid: number, name: string, content: string): Promise<number> {
  const fd = new FormData();
  fd.append('file', new Blob([content]), name);
  const res = await fetch(`${API_URL}/uploadfile?folderid=${folderid}&auth=${encodeURIComponent(token)}`, { method: 'POST', body: fd });
  const json = (await res.json()) as { result: number; fileids: number[] };
  if (json.result !== 0) throw new Error(`uploadfile: ${json.result}`);
  return json.fileids[0];
}

let counter = 0;

/** A fresh account per test (one account per parallel worker keeps tests independent). */
export async function newAccount(): Promise<Account> {
  const email = `e2e-${process.pid}-${Date.now()}-${counter++}@example.com`;
  const password = 'Sunny-Days-42';
  await api('register', { mail: email, password, termsaccepted: 'yes' });
  const login = await api<{ auth: string }>('userinfo', { username: email, password, getauth: 1 });
  return { email, password, token: login.auth };
}

/** Signs in through the real OAuth page of the emulator, as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page).toHaveURL(/\/folder\/0$/);
}

export const test = base;
export { expect };
