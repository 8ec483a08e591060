// The app's language follows the account's (setlanguage from the Account page): German has a
// catalogue, so the whole shell switches, dates are formatted for it, and the choice survives a
// reload and a new session on another browser; English switches back.
// On the permissive emulator, so the Account page lists signed-in devices (with dates).
import { test, expect, openApp, signIn } from './fixtures';

test.use({ signedInAs: 'account', emulator: 'permissive' });

test('choosing Deutsch on the Account page switches the app, and it stays German until English is chosen', async ({ page, browser, me: user, permissive: server }) => {
  await openApp(page, server.app);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
  let main = page.getByRole('main');
  await expect(main.getByRole('combobox', { name: 'Language' })).toBeEnabled();
  await main.getByRole('combobox', { name: 'Language' }).selectOption('de');

  // the toast in the new language, the shell and the page translated, a date formatted for German
  await expect(page.getByText('Sprache auf Deutsch umgestellt')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await expect(nav.getByRole('link', { name: 'Meine Dateien' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Papierkorb' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(main.getByRole('heading', { name: 'Konto', level: 1 })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  const germanDate = /Angemeldet \d{1,2}\.\d{1,2}\.\d{4}, \d{1,2}:\d{2}/;
  await expect(main.getByRole('list', { name: 'Angemeldete Geräte' }).getByText(germanDate).first()).toBeVisible();

  // a reload starts in German
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Meine Dateien' })).toBeVisible();

  // a new session elsewhere (nothing stored in that browser, so it signs in through the OAuth page): the account's language
  const other = await browser.newContext({ storageState: undefined });
  try {
    const page2 = await other.newPage();
    await signIn(page2, user, server.app);
    const nav2 = page2.getByRole('navigation', { name: 'Bereiche' });
    await expect(nav2.getByRole('link', { name: 'Papierkorb' })).toBeVisible();
    await nav2.getByRole('link', { name: 'Konto' }).click();
    main = page2.getByRole('main');
    await expect(main.getByText(germanDate).first()).toBeVisible();

    // and back to English
    await main.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await expect(page2.getByText('Language set to English')).toBeVisible();
    const navEn = page2.getByRole('navigation', { name: 'Sections' });
    await expect(navEn.getByRole('link', { name: 'My files' })).toBeVisible();
    await expect(navEn.getByRole('link', { name: 'Trash' })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await expect(main.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await page2.reload();
    await expect(page2.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My files' })).toBeVisible();
  } finally {
    await other.close();
  }
});
