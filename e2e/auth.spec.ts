// The one spec that signs in through the OAuth page inside its tests (every other one starts from
// a sign-in saved once per worker): the sign-in itself, its redirect, and how a session ends.
import { test, expect, newAccount, openApp, signIn, API_URL } from './fixtures';

test('signs in through the OAuth page and removes the token from the address bar', async ({ page }) => {
  const account = await newAccount();
  await signIn(page, account);
  expect(page.url()).not.toContain('access_token');
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(account.email);
  // the session survives a reload ("keep me signed in")
  await page.reload();
  await expect(page.getByRole('listbox').or(page.getByText('This folder is empty'))).toBeVisible();
});

test.describe(() => {
  // these end the session on the server, so the account is this test's alone
  test.use({ signedInAs: 'disposable' });

  test('signs out and returns to the welcome page', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
    await page.goto('/folder/0');
    await expect(page).toHaveURL(/\/welcome$/);
  });

  test('an expired or revoked token sends the user back to sign in', async ({ page }) => {
    await openApp(page);
    // revoke every token of this account behind the app's back
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('pcloud.session') ?? '{}').token as string);
    const res = await fetch(`${API_URL}/logout`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await res.json()) as { result: number }).result).toBe(0);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('sign in again');
  });
});

test('refuses a redirect whose state does not match', async ({ page }) => {
  await page.goto('/welcome');
  await page.evaluate(() => sessionStorage.setItem('pcloud.oauth.pending', JSON.stringify({ state: 'expected', region: 'local', keep: false })));
  const host = new URL(API_URL).host;
  await page.goto(`/#access_token=stolen&token_type=bearer&userid=1&state=forged&locationid=1&hostname=${host}`);
  await expect(page.getByRole('alert')).toContainText('state mismatch');
  expect(page.url()).not.toContain('stolen');
});

test('shows a clear message when access is not granted', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Access was not granted');
});

test('region hostnames: the app calls the host the redirect named', async ({ page }) => {
  const account = await newAccount();
  const calls: string[] = [];
  page.on('request', (r) => calls.push(r.url()));
  await signIn(page, account);
  await expect(page.getByText('This folder is empty')).toBeVisible();
  const apiCalls = calls.filter((u) => u.includes('/listfolder'));
  expect(apiCalls.length).toBeGreaterThan(0);
  for (const u of apiCalls) {
    expect(u.startsWith(API_URL)).toBe(true);
    expect(u).not.toContain('access_token');
  }
});
