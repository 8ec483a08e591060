import { readFileSync } from 'node:fs';
import { test, expect, openApp, api, upload, newFolder, list, option, runOn, zipEntries, type Account } from './fixtures';

test.describe('permissive server', () => {
  // OAuth tokens may call getzip there
  test.use({ signedInAs: 'account', emulator: 'permissive' });

  test('downloads a folder and a file as one zip with the right entries', async ({ page, me: account, permissive: server }) => {
    const docs = await newFolder(account.token, 'Docs', 0, server.api);
    await upload(account.token, docs, 'a.txt', 'alpha', server.api);
    await upload(account.token, docs, 'b.txt', 'bravo', server.api);
    await upload(account.token, 0, 'notes.txt', 'some notes', server.api);
    await upload(account.token, 0, 'left out.txt', 'not selected', server.api);
    await openApp(page, server.app);

    const download = page.waitForEvent('download');
    await runOn(page, ['Docs', 'notes.txt'], 'Download as zip');
    const file = await download;
    await expect(page.getByRole('dialog').getByText(/has started/)).toBeVisible();
    const path = test.info().outputPath('selection.zip');
    await file.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    const entries = await zipEntries(readFileSync(path));
    expect([...entries.keys()].filter((n) => !n.endsWith('/')).sort()).toEqual(['Docs/a.txt', 'Docs/b.txt', 'notes.txt']);
    expect(entries.get('Docs/b.txt')).toBe('bravo');
    expect(entries.get('notes.txt')).toBe('some notes');
    // the link the browser followed carries no token
    expect(file.url()).not.toMatch(/auth=|access_token=/);
  });
});

test.describe('default server', () => {
  test.use({ signedInAs: 'account' });
  let account: Account;
  let docs: number;

  test.beforeEach(async ({ page, me }) => {
    account = me;
    docs = (await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Docs' }, account.token)).metadata.folderid;
    await upload(account.token, docs, 'one.txt', 'first file '.repeat(2000));
    await upload(account.token, docs, 'two.txt', 'second file '.repeat(2000));
    await upload(account.token, 0, 'notes.txt', 'some notes');
    await openApp(page);
  });

  test('saves a selection as a zip with progress and shows the result in the folder', async ({ page }) => {
    const progress = page.waitForResponse((r) => r.url().includes('/savezipprogress'));
    await runOn(page, ['Docs', 'notes.txt'], 'Save as zip to pCloud…');
    const dialog = page.getByRole('dialog', { name: 'Save as zip to pCloud' });
    await dialog.getByLabel('File name').fill('');
    await dialog.getByRole('button', { name: 'Save zip' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Enter a name for the zip file.');
    await dialog.getByLabel('File name').fill('Bundle');
    await dialog.getByRole('button', { name: 'Save zip' }).click();
    const polled = (await (await progress).json()) as { result: number; totalfiles?: number };
    // the job is known to the server while it runs (or has just finished)
    expect([0, 1901]).toContain(polled.result);
    if (polled.result === 0) expect(polled.totalfiles).toBe(3);
    await expect(dialog.getByText(/“Bundle.zip” was saved/)).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Open “Bundle.zip”' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(option(page, 'Bundle.zip')).toBeVisible();
    const root = await api<{ metadata: { contents: { name: string; size: number }[] } }>('listfolder', { folderid: 0 }, account.token);
    expect(root.metadata.contents.find((c) => c.name === 'Bundle.zip')?.size).toBeGreaterThan(100);
  });

  test('extracts a zip into a chosen folder and summarises the result', async ({ page }) => {
    await api('savezip', { folderids: docs, fileids: (await upload(account.token, 0, 'extra.txt', 'extra')), tofolderid: 0, toname: 'pack.zip' }, account.token);
    const target = (await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Unpacked' }, account.token)).metadata.folderid;
    await page.reload();
    await runOn(page, ['pack.zip'], 'Extract archive…');
    const dialog = page.getByRole('dialog', { name: 'Extract “pack.zip”' });
    await dialog.getByRole('radio', { name: /Another folder/ }).check();
    await page.getByRole('dialog', { name: 'Extract into…' }).getByRole('button', { name: 'Unpacked' }).click();
    await page.getByRole('button', { name: 'Extract to “Unpacked”' }).click();
    await expect(dialog.getByText('Another folder: Unpacked')).toBeVisible();
    await dialog.getByLabel('When a file already exists').selectOption('skip');
    await dialog.getByRole('button', { name: 'Extract', exact: true }).click();
    await expect(dialog.getByText('3 files extracted')).toBeVisible();
    const listing = await api<{ metadata: { contents: { name: string; isfolder: boolean; contents?: { name: string }[] }[] } }>(
      'listfolder',
      { folderid: target, recursive: 1 },
      account.token,
    );
    const names = listing.metadata.contents.flatMap((c) => (c.isfolder ? (c.contents ?? []).map((x) => `${c.name}/${x.name}`) : [c.name])).sort();
    expect(names).toEqual(['Docs/one.txt', 'Docs/two.txt', 'extra.txt']);
    await dialog.getByRole('link', { name: 'Open Unpacked' }).click();
    await expect(page).toHaveURL(new RegExp(`/folder/${target}$`));
    await expect(option(page, 'extra.txt')).toBeVisible();
  });

  test('lists the earlier version of a re-uploaded file, downloads it and restores it', async ({ page }) => {
    const fileid = await upload(account.token, 0, 'notes.txt', 'second notes, longer'); // same name, same folder → a revision
    const content = async () => {
      const link = await api<{ hosts: string[]; path: string }>('getfilelink', { fileid }, account.token);
      return (await fetch(`http://${link.hosts[0]}${link.path}`)).text();
    };
    await page.reload();
    await runOn(page, ['notes.txt'], 'Versions…');
    const dialog = page.getByRole('dialog', { name: 'Versions of “notes.txt”' });
    const rows = dialog.getByRole('list', { name: 'Versions of notes.txt' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Current version');
    await expect(rows.nth(0)).toContainText('20 B');
    await expect(rows.nth(1)).toContainText('10 B');

    const download = page.waitForEvent('download');
    await rows.nth(1).getByRole('button', { name: /^Download the version of/ }).click();
    const saved = test.info().outputPath('old-notes.txt');
    await (await download).saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe('some notes');
    expect(await content()).toBe('second notes, longer');

    await rows.nth(1).getByRole('button', { name: /^Restore the version of/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
    await expect(confirm).toContainText('The current content is kept as a version');
    await confirm.getByRole('button', { name: 'Restore version' }).click();
    await expect(page.getByText(/^Restored the version of/)).toBeVisible();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('10 B');
    expect(await content()).toBe('some notes');
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    // the details panel has the same list
    await option(page, 'notes.txt').click();
    await list(page).press('Alt+Enter');
    const versions = page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(3);
  });

  test('a zip download is explained, not failed, when pCloud refuses it for this sign-in', async ({ page }) => {
    await runOn(page, ['Docs', 'notes.txt'], 'Download as zip');
    const dialog = page.getByRole('dialog', { name: 'Download as zip' });
    // faithful pCloud refuses getzip to OAuth tokens; the link variant may or may not be refused
    await expect(dialog.getByText(/has started|does not let apps signed in through its sign-in page download a zip/)).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
  });
});
