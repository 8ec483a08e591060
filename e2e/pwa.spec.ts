// Installable PWA: manifest and worker, offline listings, the share target and the update prompt.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, openApp, api, upload, API_URL } from './fixtures';

/** Waits until the service worker controls the page (the first install claims open tabs). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20_000 });
}

/** Waits until the offline cache holds a listing for this folder (the persister writes ≤ 1 s after a change). */
async function persisted(page: Page, folderid: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (id) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('pcloud-web-cache');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('query-cache')) return resolve(false);
                const get = db.transaction('query-cache').objectStore('query-cache').get('client');
                get.onsuccess = () => {
                  const client = get.result as { clientState?: { queries: { queryKey: unknown[] }[] } } | undefined;
                  resolve(!!client?.clientState?.queries.some((q) => q.queryKey[0] === 'folder' && q.queryKey[1] === id && q.queryKey[2] === 'list'));
                };
                get.onerror = () => resolve(false);
              };
            }),
          folderid,
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

test.describe('installable app', () => {
  test('manifest, icons and worker are served with the right types, and Chromium finds it installable', async ({ playwright, request, baseURL }, testInfo) => {
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const m = (await manifest.json()) as { start_url: string; scope: string; display: string; icons: { src: string; sizes: string; purpose: string }[]; shortcuts: { name: string }[]; share_target: { method: string; enctype: string } };
    expect(m).toMatchObject({ start_url: '/folder/0', scope: '/', display: 'standalone' });
    expect(m.shortcuts.map((s) => s.name)).toEqual(['My files', 'Links', 'Shared']);
    expect(m.share_target).toMatchObject({ method: 'POST', enctype: 'multipart/form-data' });
    for (const size of ['192x192', '512x512']) {
      for (const purpose of ['any', 'maskable']) expect(m.icons.some((i) => i.sizes === size && i.purpose === purpose), `${size} ${purpose}`).toBe(true);
    }
    for (const icon of m.icons.filter((i) => i.src.endsWith('.png'))) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    const sw = await request.get('/sw.js');
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    expect(sw.headers()['cache-control']).toBe('no-cache');

    // Chromium never offers to install from an incognito profile, which every test context is
    const profile = testInfo.outputPath('profile');
    const context = await playwright.chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseURL}/welcome`);
      await controlled(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors).toEqual([]);
      const { url, errors } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
      expect(url).toContain('/manifest.webmanifest');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.describe(() => {
    test.use({ signedInAs: 'account' });

    test('a folder seen before opens offline, with the banner and network actions disabled', async ({ page, context, me: account }) => {
      const { metadata } = await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Offline trip' }, account.token);
      await upload(account.token, metadata.folderid, 'itinerary.txt', 'day 1: the coast');
      await openApp(page);
      await controlled(page);
      await page.goto(`/folder/${metadata.folderid}`);
      const list = page.getByRole('listbox');
      await expect(list.getByRole('option', { name: /itinerary\.txt/ })).toBeVisible();
      await persisted(page, metadata.folderid);

      await context.setOffline(true);
      await page.reload();
      await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
      await expect(page.getByRole('listbox').getByRole('option', { name: /itinerary\.txt/ })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Upload' })).toBeDisabled();
      await context.setOffline(false);
      await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveCount(0);
    });

    test('a revisited folder paints from the offline cache before the listing answers', async ({ page, me: account }) => {
      const { metadata } = await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Revisit' }, account.token);
      await upload(account.token, metadata.folderid, 'notes.txt', 'x');
      await openApp(page);
      await page.goto(`/folder/${metadata.folderid}`);
      await expect(page.getByRole('listbox').getByRole('option', { name: /notes\.txt/ })).toBeVisible();
      await persisted(page, metadata.folderid);

      // hold every listfolder reply until the rows are shown (not for a fixed time a loaded machine may outlast)
      let answered = false;
      let asked = false;
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route(`${API_URL}/listfolder**`, async (route) => {
        asked = true;
        await held;
        answered = true;
        await route.continue();
      });
      try {
        await page.reload();
        await expect(page.getByRole('listbox').getByRole('option', { name: /notes\.txt/ })).toBeVisible({ timeout: 4000 });
        expect(answered).toBe(false);
        // and what was restored is still asked for again (changes made while the app was closed)
        await expect.poll(() => asked).toBe(true);
      } finally {
        release();
        await page.unrouteAll({ behavior: 'ignoreErrors' });
      }
    });

    test('the worker caches only the app shell: no API replies, content or links', async ({ page, me: account }) => {
      await upload(account.token, 0, 'secret.txt', 'not for the cache');
      await openApp(page);
      await controlled(page);
      await expect(page.getByRole('listbox').getByRole('option', { name: /secret\.txt/ })).toBeVisible();
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        return urls;
      });
      expect(cached.length).toBeGreaterThan(5);
      const origin = new URL(page.url()).origin;
      for (const url of cached) {
        expect(url.startsWith(origin), url).toBe(true);
        expect(new URL(url).pathname, url).toMatch(/^\/(index\.html|assets\/[^/]+\.(js|css)|icons\/[^/]+\.png|[^/]+\.svg|manifest\.webmanifest)$/);
        expect(url).not.toMatch(/access_token|[?&]auth=/);
      }
    });

  });

  test.describe(() => {
    // signing out revokes the sign-in, so the account is this test's alone
    test.use({ signedInAs: 'disposable' });

    test('signing out erases the offline cache', async ({ page }) => {
      await openApp(page);
      await persisted(page, 0);
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/welcome$/);
      const left = await page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('pcloud-web-cache');
            open.onsuccess = () => {
              const get = open.result.transaction('query-cache').objectStore('query-cache').get('client');
              get.onsuccess = () => resolve(get.result ?? null);
            };
          }),
      );
      expect(left).toBeNull();
    });
  });
});

test.describe('share target', () => {
  test.use({ signedInAs: 'account' });

  test('files shared from the share sheet land in the folder the user picks', async ({ page, me: account }) => {
    const { metadata } = await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Camera roll' }, account.token);
    await openApp(page);
    await controlled(page);

    // what the share sheet does: a navigation POST, multipart, to the manifest's share_target.action
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3b8fc4' } }).jpeg().toBuffer();
    await page.evaluate((jpeg) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = '/share-target';
      form.enctype = 'multipart/form-data';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'files';
      input.multiple = true;
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(jpeg)], 'beach.jpg', { type: 'image/jpeg' }));
      dt.items.add(new File(['sunset'], 'sunset.txt', { type: 'text/plain' }));
      input.files = dt.files;
      const title = document.createElement('input');
      title.name = 'title';
      title.value = 'Holiday';
      form.append(input, title);
      document.body.append(form);
      form.submit();
    }, [...photo]);
    await expect(page).toHaveURL(/\/share-target$/);
    await expect(page.getByRole('heading', { name: 'Upload shared files' })).toBeVisible();
    const files = page.getByRole('list', { name: 'Shared files' });
    await expect(files).toContainText('beach.jpg');
    await expect(files).toContainText('sunset.txt');

    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    const picker = page.getByRole('dialog', { name: 'Upload shared files to' });
    await picker.getByRole('button', { name: /Camera roll/ }).click();
    await picker.getByRole('button', { name: 'Upload to “Camera roll”' }).click();
    await expect(page).toHaveURL(new RegExp(`/folder/${metadata.folderid}$`));

    await expect
      .poll(async () => {
        const r = await api<{ metadata: { contents: { name: string; size: number }[] } }>('listfolder', { folderid: metadata.folderid }, account.token);
        return r.metadata.contents.map((c) => `${c.name}:${c.size}`).sort();
      })
      .toEqual([`beach.jpg:${photo.length}`, 'sunset.txt:6']);
    await expect(page.getByRole('listbox').getByRole('option', { name: /beach\.jpg/ })).toBeVisible();

    // handled: the inbox is empty now
    await page.goto('/share-target');
    await expect(page.getByText('No shared files are waiting.')).toBeVisible();
  });

  test('a share POSTed with fetch is kept until the user comes to pick a folder', async ({ page, me: account }) => {
    await openApp(page);
    await controlled(page);
    const redirected = await page.evaluate(async () => {
      const fd = new FormData();
      fd.append('files', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
      const res = await fetch('/share-target', { method: 'POST', body: fd });
      return new URL(res.url).pathname;
    });
    expect(redirected).toBe('/share-target');
    await page.goto('/share-target');
    await expect(page.getByRole('list', { name: 'Shared files' })).toContainText('hello.txt');
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await page.getByRole('dialog', { name: 'Upload shared files to' }).getByRole('button', { name: 'Upload to “My files”' }).click();
    await expect(page).toHaveURL(/\/folder\/0$/);
    await expect
      .poll(async () => (await api<{ metadata: { contents: { name: string }[] } }>('listfolder', { folderid: 0 }, account.token)).metadata.contents.map((c) => c.name))
      .toContain('hello.txt');
  });
});

test.describe('updates', () => {
  test('a new version waits for "Reload" instead of switching by itself', async ({ page }) => {
    const dist = process.env.E2E_APP_DIST ?? 'dist';
    const swPath = join(dist, 'sw.js');
    const original = readFileSync(swPath, 'utf8');
    try {
      await page.goto('/welcome');
      await controlled(page);
      const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      // deploy a "new version" of the worker, then let the page look for it
      writeFileSync(swPath, `${original}\n// e2e update ${Date.now()}\n`);
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'A new version of pCloud Web is ready.' });
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      // still the old worker until the user says so
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
      const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
      expect(waiting).toBe(false);
    } finally {
      writeFileSync(swPath, original);
    }
  });
});
