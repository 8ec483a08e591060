import { test, expect, newAccount, signIn, api, upload, type Account } from './fixtures';

let account: Account;

test.beforeEach(async ({ page }) => {
  account = await newAccount();
  // something in the trash, so the refusal is not an empty list in disguise
  const fileid = await upload(account.token, 0, 'old draft.txt', 'draft');
  await api('deletefile', { fileid }, account.token);
  await signIn(page, account);
});

test('the trash explains that this sign-in cannot see it and links to pCloud', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
  await expect(page).toHaveURL(/\/trash$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'The trash is not available with this sign-in' })).toBeVisible();
  await expect(main.getByText(/does not let third-party apps see your trash/)).toBeVisible();
  const link = main.getByRole('link', { name: /Open the trash on pCloud/ });
  await expect(link).toHaveAttribute('href', 'https://my.pcloud.com/#page=trash');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // still signed in: not an error page and not a sign-out
  await expect(main.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/\/trash$/);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
});

test('the account page shows e-mail, quota and verification, and sends the e-mail', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(main.getByText(account.email, { exact: true })).toBeVisible();
  await expect(main.getByRole('meter', { name: 'Storage quota used' })).toBeVisible();
  await expect(main.getByText('E-mail not verified')).toBeVisible();
  // listtokens refuses OAuth in faithful mode: explained, not an error
  await expect(main.getByRole('link', { name: /Manage devices on pCloud/ })).toBeVisible();
  await main.getByRole('button', { name: 'Send verification e-mail' }).click();
  await expect(page.getByText(`Verification e-mail sent to ${account.email}`)).toBeVisible();
});

test('changing the language persists', async ({ page }) => {
  await page.goto('/account');
  const select = page.getByRole('main').getByRole('combobox', { name: 'Language' });
  const before = (await api<{ language: string }>('userinfo', {}, account.token)).language;
  const { languages } = await api<{ languages: Record<string, string> }>('supportedlanguages');
  const target = Object.keys(languages).find((code) => code !== before);
  expect(target).toBeTruthy();
  await expect(select).toBeEnabled();
  await expect(select).toHaveValue(before);
  await select.selectOption(target!);
  await expect(page.getByText(/^Language set to/)).toBeVisible();
  await expect.poll(async () => (await api<{ language: string }>('userinfo', {}, account.token)).language).toBe(target);
  await page.reload();
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Language' })).toHaveValue(target!);
});
