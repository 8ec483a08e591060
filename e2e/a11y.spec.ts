// axe-core on every view, in the light and the dark theme: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, anonymousPage, api, openApp, upload, type Account } from './fixtures';

interface Found {
  view: string;
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

async function audit(page: Page, view: string): Promise<Found[]> {
  // views settle first: no spinner left
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 15_000 });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')) }));
}

/** Link methods need a verified e-mail (2014): `account` is this worker's verified one. */
async function seed(account: Account): Promise<{ publink: string; uploadlink: string }> {
  const { metadata } = await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Holiday' }, account.token);
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2f7fb8' } }).jpeg().toBuffer();
  const beach = await upload(account.token, 0, 'beach.jpg', jpeg);
  const { code: publink } = await api<{ code: string }>('getfolderpublink', { folderid: metadata.folderid }, account.token);
  const { code: uploadlink } = await api<{ code: string }>('createuploadlink', { folderid: metadata.folderid, comment: 'Drop your photos here' }, account.token);
  expect(beach).toBeGreaterThan(0);
  return { publink, uploadlink };
}

test.use({ signedInAs: 'verified' });

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any view (${scheme} theme)`, async ({ page, browser, me: account }) => {
    test.setTimeout(180_000);
    const { publink, uploadlink } = await seed(account);
    const found: Found[] = [];

    // what a stranger sees, in a context with no session
    const { context, page: stranger } = await anonymousPage(browser);
    await stranger.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await stranger.goto('/welcome');
    await expect(stranger.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
    found.push(...(await audit(stranger, 'welcome')));

    await stranger.goto(`/publink/show?code=${publink}`);
    await expect(stranger.getByText('Holiday').first()).toBeVisible();
    found.push(...(await audit(stranger, 'public link page')));

    await stranger.goto(`/puplink?code=${uploadlink}`);
    await expect(stranger.getByText('Drop your photos here').first()).toBeVisible();
    found.push(...(await audit(stranger, 'upload drop page')));
    await context.close();

    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openApp(page);
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option', { name: /beach\.jpg/ })).toBeVisible();
    found.push(...(await audit(page, 'browse (list)')));

    await page.getByRole('button', { name: 'Grid view' }).click();
    await expect(page.getByRole('button', { name: 'List view' })).toBeVisible();
    found.push(...(await audit(page, 'browse (grid)')));
    await page.getByRole('button', { name: 'List view' }).click();

    await page.getByRole('button', { name: /^New folder/ }).first().click();
    await expect(page.getByRole('dialog', { name: 'New folder' })).toBeVisible();
    found.push(...(await audit(page, 'dialog (new folder)')));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await list.getByRole('option', { name: /beach\.jpg/ }).dblclick();
    await expect(page.getByRole('dialog', { name: 'beach.jpg' })).toBeVisible();
    found.push(...(await audit(page, 'viewer (image)')));
    await page.keyboard.press('Escape');

    for (const [name, path] of [
      ['trash', '/trash'],
      ['account', '/account'],
      ['shared', '/shared'],
      ['links', '/links'],
      ['playlists', '/collections'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
      found.push(...(await audit(page, name)));
    }

    // the full list is printed for whoever fixes them; the assertion names the views
    if (found.length) console.log(`axe (${scheme}):\n${found.map((f) => `  [${f.view}] ${f.rule} (${f.impact}): ${f.help}\n      ${f.targets.join('\n      ')}`).join('\n')}`);
    expect(found.map((f) => `${f.view}: ${f.rule} ${f.targets[0]}`)).toEqual([]);
  });
}
