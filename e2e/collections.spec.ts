import { test, expect, openApp, call, newFolder, option, upload, type Account, type Server } from './fixtures';

interface Details {
  collection: { name: string; items: number; contents?: { name: string }[] };
}

test.describe('permissive server', () => {
  // OAuth tokens may use playlists there
  test.use({ signedInAs: 'account', emulator: 'permissive' });
  let server: Server;
  let account: Account;
  let music: number;
  const details = async (id: number) =>
    (await call<Details>(server.api, 'collection_details', { collectionid: id }, account.token)).collection;
  const order = async (id: number) => ((await details(id)).contents ?? []).map((c) => c.name);

  test.beforeEach(async ({ page, me, permissive }) => {
    server = permissive;
    account = me;
    music = await newFolder(account.token, 'Music', 0, server.api);
    for (const name of ['a song.mp3', 'b song.mp3', 'c song.mp3']) await upload(account.token, music, name, `not really ${name}`, server.api);
    await upload(account.token, 0, 'notes.txt', 'text', server.api);
    await openApp(page, server.app);
  });

  test('create, add from the browser, reorder, play, rename and delete', async ({ page }) => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Playlists' }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
    await main.getByRole('button', { name: 'Create' }).click();
    await expect(main.getByRole('alert')).toHaveText('Enter a name for the playlist.');
    await main.getByLabel('New playlist').fill('Road trip');
    await main.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/collections\/\d+$/);
    const id = Number(/\/collections\/(\d+)$/.exec(page.url())![1]);
    await expect(main.getByRole('heading', { name: 'This playlist is empty' })).toBeVisible();

    // add three songs through the browse command
    await page.goto(`${server.app}/folder/${music}`);
    await option(page, 'a song.mp3').click();
    await option(page, 'c song.mp3').click({ modifiers: ['Shift'] });
    await option(page, 'b song.mp3').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add to playlist…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add 3 songs to a playlist' });
    await expect(dialog.getByRole('radio', { name: /Road trip/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByText('Added 3 of 3 to “Road trip”.')).toBeVisible();
    await dialog.getByRole('link', { name: 'Open the playlist' }).click();
    await expect(page).toHaveURL(new RegExp(`/collections/${id}$`));
    const tracks = main.getByRole('list', { name: 'Tracks of Road trip' }).getByRole('listitem');
    await expect(tracks).toHaveCount(3);
    expect(await order(id)).toEqual(['a song.mp3', 'b song.mp3', 'c song.mp3']);

    // keyboard: move the last one up
    await main.getByRole('button', { name: 'Move c song.mp3 up' }).focus();
    await page.keyboard.press('Enter');
    await expect(tracks.nth(1)).toContainText('c song.mp3');
    await expect.poll(() => order(id)).toEqual(['a song.mp3', 'c song.mp3', 'b song.mp3']);

    // drag and drop: the last row onto the top half of the first
    await tracks.nth(2).dragTo(tracks.nth(0), { targetPosition: { x: 40, y: 4 } });
    await expect(tracks.nth(0)).toContainText('b song.mp3');
    await expect.poll(() => order(id)).toEqual(['b song.mp3', 'a song.mp3', 'c song.mp3']);

    // remove one
    await main.getByRole('button', { name: 'Remove a song.mp3 from the playlist' }).click();
    await expect(tracks).toHaveCount(2);
    await expect.poll(() => order(id)).toEqual(['b song.mp3', 'c song.mp3']);

    // play: the queue reaches the mini-player and its <audio> gets a source
    await main.getByRole('button', { name: 'Play', exact: true }).click();
    const player = page.getByRole('region', { name: 'Audio player' });
    await expect(player).toBeVisible();
    await expect(player).toContainText('b song');
    await expect.poll(() => player.locator('audio').evaluate((a: HTMLAudioElement) => a.currentSrc || a.src)).toMatch(/^https?:\/\//);

    // rename, then delete with confirmation
    await main.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename playlist' });
    await rename.getByLabel('Name').fill('Road trip 2026');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(main.getByRole('heading', { name: 'Road trip 2026', level: 1 })).toBeVisible();
    expect((await details(id)).name).toBe('Road trip 2026');
    await main.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the playlist “Road trip 2026”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await details(id)).name).toBe('Road trip 2026');
    await main.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete playlist' }).click();
    await expect(page).toHaveURL(/\/collections$/);
    await expect(main.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
    await expect(main.getByRole('link', { name: /Road trip/ })).toHaveCount(0);
    const all = await call<{ collections: { name: string }[] }>(server.api, 'collection_list', {}, account.token);
    expect(all.collections.map((c) => c.name)).not.toContain('Road trip 2026');
  });

  test('imports an .m3u playlist from disk and reports the lines that did not match', async ({ page }) => {
    await page.goto(`${server.app}/collections`);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Import .m3u…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a playlist' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Choose an .m3u or .m3u8 file.');
    const m3u = [
      '#EXTM3U',
      '#EXTINF:120,Artist - C',
      'C:\\Users\\me\\Music\\c%20song.mp3',
      '#EXTINF:90,Lost track',
      'Music\\not here.mp3',
      '/Music/a song.mp3',
      'http://radio.example/live',
      '',
    ].join('\r\n');
    await dialog.getByLabel('.m3u or .m3u8 file').setInputFiles({ name: 'Weekend mix.m3u', mimeType: 'audio/x-mpegurl', buffer: Buffer.from(m3u) });
    await expect(dialog.getByLabel('Name of the new playlist')).toHaveValue('Weekend mix');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByText('Created the playlist “Weekend mix” with 2 songs.')).toBeVisible();
    const missing = dialog.getByRole('list', { name: 'Entries not found' }).getByRole('listitem');
    await expect(missing).toHaveCount(2);
    await expect(missing.nth(0)).toContainText('Line 5: Music\\not here.mp3');
    await expect(missing.nth(0)).toContainText('(Lost track)');
    await expect(missing.nth(1)).toContainText('Line 7: http://radio.example/live');
    await dialog.getByRole('link', { name: 'Open the playlist' }).click();
    await expect(main.getByRole('heading', { name: 'Weekend mix', level: 1 })).toBeVisible();
    const tracks = main.getByRole('list', { name: 'Tracks of Weekend mix' }).getByRole('listitem');
    await expect(tracks).toHaveCount(2);
    await expect(tracks.nth(0)).toContainText('c song.mp3');
    await expect(tracks.nth(1)).toContainText('a song.mp3');
  });
});

test.describe(() => {
  test.use({ signedInAs: 'account' });

  test('playlists are explained, not failed, when pCloud refuses them for this sign-in', async ({ page }) => {
    await openApp(page);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Playlists' }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Playlists are not available with this sign-in' })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Sign in with full access' })).toBeVisible();
    await expect(main.getByRole('alert')).toHaveCount(0);
    await expect(main.getByRole('button', { name: 'Import .m3u…' })).toHaveCount(0);
  });
});
