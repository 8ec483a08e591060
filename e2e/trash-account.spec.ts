import { test, expect, openApp, api, call, newFolder, upload, API_URL, type Account, type Server } from './fixtures';

let account: Account;

test.describe('default server', () => {
  test.use({ signedInAs: 'account' });
  test.beforeEach(async ({ page, me }) => {
    account = me;
    // something in the trash, so the refusal is not an empty list in disguise
    const fileid = await upload(account.token, 0, 'old draft.txt', 'draft');
    await api('deletefile', { fileid }, account.token);
    await openApp(page);
  });

  test('the trash explains that this sign-in cannot see it and links to pCloud', async ({ page }) => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
    await expect(page).toHaveURL(/\/trash$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'The trash is not available with this sign-in' })).toBeVisible();
    // the local server is named, and pCloud's web app (which it does not have) is not offered
    await expect(main.getByText(`${new URL(API_URL).host} does not let apps signed in through its sign-in page see your trash`)).toBeVisible();
    await expect(main.getByRole('button', { name: 'Sign in with full access' })).toBeVisible();
    await expect(main.getByRole('link', { name: /Open the trash on pCloud/ })).toHaveCount(0);
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
    await expect(main.getByRole('heading', { name: 'Signed-in devices are not available with this sign-in' })).toBeVisible();
    await main.getByRole('button', { name: 'Send verification e-mail' }).click();
    await expect(page.getByText(`Verification e-mail sent to ${account.email}`)).toBeVisible();
  });

  test('changing the language persists', async ({ page }) => {
    await page.goto('/account');
    const select = page.getByRole('main').getByRole('combobox', { name: 'Language' });
    const before = (await api<{ language: string }>('userinfo', {}, account.token)).language;
    const { languages } = await api<{ languages: Record<string, string> }>('supportedlanguages');
    // a language the app has no catalogue for: the setting is saved on the account, the UI stays English
    const target = Object.keys(languages).find((code) => code !== before && code !== 'en' && code !== 'de');
    expect(target).toBeTruthy();
    await expect(select).toBeEnabled();
    await expect(select).toHaveValue(before);
    await select.selectOption(target!);
    await expect(page.getByText(/^Language set to/)).toBeVisible();
    await expect.poll(async () => (await api<{ language: string }>('userinfo', {}, account.token)).language).toBe(target);
    await page.reload();
    await expect(page.getByRole('main').getByRole('combobox', { name: 'Language' })).toHaveValue(target!);
  });
});

interface Listing {
  metadata: { contents?: { name: string; isfolder: boolean }[] };
}

test.describe('permissive server', () => {
  // OAuth tokens may see the trash and the devices there
  test.use({ signedInAs: 'account', emulator: 'permissive' });
  let server: Server;
  let user: Account;
  const names = async (method: string, params: Record<string, number>) =>
    ((await call<Listing>(server.api, method, params, user.token)).metadata.contents ?? []).map((c) => c.name).sort();

  test.beforeEach(async ({ me, permissive }) => {
    server = permissive;
    user = me;
  });

  test('restores to the original place and to a chosen folder, deletes forever and empties the trash', async ({ page }) => {
    const folder = (name: string) => newFolder(user.token, name, 0, server.api);
    const docs = await folder('Docs');
    const keep = await folder('Keep');
    const old = await folder('Old');
    await upload(user.token, old, 'inside.txt', 'inside', server.api);
    const draft = await upload(user.token, docs, 'draft.txt', 'draft', server.api);
    const junk = await upload(user.token, 0, 'junk.txt', 'junk', server.api);
    const spam = await upload(user.token, 0, 'spam.txt', 'spam', server.api);
    await call(server.api, 'deletefile', { fileid: draft }, user.token);
    await call(server.api, 'deletefolderrecursive', { folderid: old }, user.token);
    await call(server.api, 'deletefile', { fileid: junk }, user.token);
    await call(server.api, 'deletefile', { fileid: spam }, user.token);
    await openApp(page, server.app);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click();
    const main = page.getByRole('main');
    const table = main.getByRole('table', { name: 'Deleted items' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(table.getByRole('row', { name: /draft\.txt/ }).getByRole('link', { name: 'Docs' })).toBeVisible();

    // back where it was
    await main.getByRole('checkbox', { name: 'Select draft.txt' }).check();
    await main.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText('Restored “draft.txt”')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(4);
    expect(await names('listfolder', { folderid: docs })).toEqual(['draft.txt']);

    // somewhere else
    await main.getByRole('checkbox', { name: 'Select Old' }).check();
    await main.getByRole('button', { name: 'Restore to…' }).click();
    await page.getByRole('dialog', { name: 'Restore to…' }).getByRole('button', { name: 'Keep' }).click();
    await page.getByRole('button', { name: 'Restore to “Keep”' }).click();
    await expect(page.getByText('Restored “Old”')).toBeVisible();
    expect(await names('listfolder', { folderid: keep })).toEqual(['Old']);

    // one item forever, with a confirmation that can be cancelled
    await main.getByRole('checkbox', { name: 'Select junk.txt' }).check();
    await main.getByRole('button', { name: 'Delete forever' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “junk.txt” forever?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(table.getByRole('row', { name: /junk\.txt/ })).toBeVisible();
    await main.getByRole('button', { name: 'Delete forever' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page.getByText('Deleted forever “junk.txt”')).toBeVisible();
    expect(await names('trash_list', { folderid: 0 })).toEqual(['spam.txt']);

    // everything
    await main.getByRole('button', { name: 'Empty trash' }).click();
    await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Empty trash' }).click();
    await expect(main.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    expect(await names('trash_list', { folderid: 0 })).toEqual([]);
  });

  test('the account page shows the quota and signs out another device', async ({ page }) => {
    await upload(user.token, 0, 'big.txt', 'x'.repeat(300_000), server.api);
    const other = await call<{ auth: string }>(server.api, 'userinfo', { username: user.email, password: user.password, getauth: 1, device: 'Old laptop' });
    await openApp(page, server.app);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('meter', { name: 'Storage quota used' })).toBeVisible();
    await expect(main.getByText(/^293 KB of 10 GB used/)).toBeVisible();
    const devices = main.getByRole('list', { name: 'Signed-in devices' });
    await expect(devices.getByRole('listitem').filter({ hasText: 'Old laptop' })).toBeVisible();
    await main.getByRole('button', { name: 'Sign out Old laptop' }).click();
    await expect(page.getByText('Signed out Old laptop')).toBeVisible();
    await expect(devices.getByRole('listitem').filter({ hasText: 'Old laptop' })).toHaveCount(0);
    await expect(call(server.api, 'userinfo', {}, other.auth)).rejects.toThrow(/^userinfo: 2000/);
    // the test's own token still works
    await call(server.api, 'userinfo', {}, user.token);
  });

  test.describe(() => {
    // it revokes every sign-in of the account, so the account is this test's alone
    test.use({ signedInAs: 'disposable' });

    test('signing out everywhere revokes the other sign-ins and this one', async ({ page }) => {
      await openApp(page, server.app);
      await page.goto(`${server.app}/account`);
      const main = page.getByRole('main');
      await main.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByRole('dialog', { name: 'Sign out everywhere?' }).getByRole('button', { name: 'Sign out everywhere' }).click();
      await expect(page.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
      await expect(call(server.api, 'userinfo', {}, user.token)).rejects.toThrow(/^userinfo: 2000/);
    });
  });
});
