// axe-core on every view, in the light and the dark theme: no serious or critical violation.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, signIn, newAccount, api, type Account } from './fixtures';
import { API_URL } from './fixtures';

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

/** Link methods need a verified e-mail (2014): the code is in the emulator's welcome mail. */
async function verify(account: Account): Promise<void> {
  const dir = join(process.env.E2E_DATA!, 'outbox');
  const safe = account.email.replace(/[^a-zA-Z0-9@._-]/g, '_');
  const file = (await readdir(dir)).find((f) => f.endsWith(`-${safe}.txt`));
  const code = /Verification code: (\S+)/.exec(await readFile(join(dir, file!), 'utf8'))?.[1];
  await api('verifyemail', { code: code! });
}

async function seed(): Promise<{ account: Account; publink: string; uploadlink: string }> {
  const account = await newAccount();
  await verify(account);
  const { metadata } = await api<{ metadata: { folderid: number } }>('createfolder', { folderid: 0, name: 'Holiday' }, account.token);
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2f7fb8' } }).jpeg().toBuffer();
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'beach.jpg');
  const res = (await (await fetch(`${API_URL}/uploadfile?folderid=0&auth=${encodeURIComponent(account.token)}`, { method: 'POST', body: fd })).json()) as { fileids: number[] };
  const { code: publink } = await api<{ code: string }>('getfolderpublink', { folderid: metadata.folderid }, account.token);
  const { code: uploadlink } = await api<{ code: string }>('createuploadlink', { folderid: metadata.folderid, comment: 'Drop your photos here' }, account.token);
  expect(res.fileids).toHaveLength(1);
  return { account, publink, uploadlink };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any view (${scheme} theme)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const { account, publink, uploadlink } = await seed();
    const found: Found[] = [];

    await page.goto('/welcome');
    await expect(page.getByRole('button', { name: 'Sign in with pCloud' })).toBeVisible();
    found.push(...(await audit(page, 'welcome')));

    await page.goto(`/publink/show?code=${publink}`);
    await expect(page.getByText('Holiday').first()).toBeVisible();
    found.push(...(await audit(page, 'public link page')));

    await page.goto(`/puplink?code=${uploadlink}`);
    await expect(page.getByText('Drop your photos here').first()).toBeVisible();
    found.push(...(await audit(page, 'upload drop page')));

    await signIn(page, account);
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
