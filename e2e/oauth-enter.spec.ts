// The OAuth sign-in page as a keyboard user meets it: Enter in the password field must sign in and
// allow access (the form's default action), never press Cancel.
import { test, expect, newAccount } from './fixtures';

test('Enter in the password field signs in and allows access', async ({ page }) => {
  const account = await newAccount();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/folder\/0$/);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(account.email);
  await expect(page.getByText('Access was not granted')).toHaveCount(0);
});

test('Cancel stays available as the secondary action', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with pCloud' }).click();
  const buttons = page.getByRole('button');
  await expect(buttons.first()).toHaveText('Allow access');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Access was not granted');
});
