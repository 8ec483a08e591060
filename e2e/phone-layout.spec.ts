// The signed-in app on a phone (issue 15, item 1): every view at 390×844 and 360×740 has no
// sideways scroll and no text drawn over other text or outside the screen; every section is
// reachable from the bottom bar; rows show the name on its own lines with size · date under it;
// taps open, the checkbox starts a selection; dialogs fill the screen. SHOTS_DIR=<dir> also saves
// a screenshot of each view (and at 1280×800) for a person to look at.
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect, api, newFolder, openApp, upload, uploadMany, type Account } from './fixtures';
import { layoutProblems } from './layout-check';

test.use({ signedInAs: 'verified' });

const LONG = 'Quarterly report of the regional sales team for the second half of 2024 (final version).pdf';

async function seed(account: Account): Promise<{ text: number }> {
  const jpeg = (color: string) => sharp({ create: { width: 640, height: 400, channels: 3, background: color } }).jpeg().toBuffer();
  const docs = await newFolder(account.token, 'Documents');
  await newFolder(account.token, 'A folder with a rather long name that needs two lines');
  await uploadMany(account.token, 0, [['beach.jpg', await jpeg('#2f7fb8')], ['mountains.jpg', await jpeg('#7b9e3c')], [LONG, 'pdf-ish']]);
  const text = await upload(account.token, 0, 'notes.txt', 'Line one\nLine two\n'.repeat(40));
  await upload(account.token, docs, 'inside.txt', 'hello');
  // something in the trash, a link and a playlist, so those views are not empty
  const gone = await upload(account.token, 0, 'old draft.txt', 'gone');
  await api('deletefile', { fileid: gone }, account.token);
  await api('getfolderpublink', { folderid: docs }, account.token);
  await api('collection_create', { name: 'Road trip' }, account.token);
  return { text };
}

const settle = async (page: Page) => {
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
};

async function check(page: Page, view: string, size: string) {
  await settle(page);
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${view}-${size}.png` });
  const problems = await layoutProblems(page);
  expect(problems.map((p) => `${p.kind}: ${p.detail}`), `${view} at ${size}`).toEqual([]);
}

/** Every signed-in view once; at phone sizes, reached the way a person on a phone would. */
async function everyView(page: Page, size: string, phone: boolean, ids: { text: number }) {
  await openApp(page);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option', { name: /beach\.jpg/ })).toBeVisible();
  await check(page, 'browse', size);

  await page.goto(`/folder/0?view=${ids.text}`);
  await expect(page.getByRole('dialog', { name: 'notes.txt' })).toBeVisible();
  await check(page, 'viewer-text', size);
  await page.keyboard.press('Escape');
  await list.getByRole('option', { name: /beach\.jpg/ }).dblclick();
  await expect(page.getByRole('dialog', { name: 'beach.jpg' }).locator('img')).toBeVisible();
  await check(page, 'viewer-image', size);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const sections: [string, string, RegExp][] = [
    ['shared', 'Shared', /\/shared(\?|$)/],
    ['recent', 'Recent', /\/recent$/],
    ['photos', 'Photos', /\/photos$/],
    ['links', 'Links', /\/links$/],
    ['playlists', 'Playlists', /\/collections$/],
    ['trash', 'Trash', /\/trash$/],
    ['account', 'Account', /\/account$/],
    ['search', 'Search', /\/search/],
  ];
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const [view, label, url] of sections) {
    const inBar = await nav.getByRole('link', { name: label, exact: true }).isVisible();
    if (inBar) await nav.getByRole('link', { name: label, exact: true }).click();
    else if (phone) {
      // from My files: on some pages (Links) the sheet's own overlay took the tap — see the report of issue 15
      await nav.getByRole('link', { name: 'Files', exact: true }).click();
      await nav.getByRole('button', { name: 'More' }).click();
      await page.getByRole('dialog', { name: 'More sections' }).getByRole('link', { name: label }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    } else await page.goto(view === 'search' ? '/search?q=beach' : `/${view}`);
    await expect(page).toHaveURL(url);
    if (view === 'search') {
      await page.goto('/search?q=report');
      await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    }
    await check(page, view, size);
  }
}

for (const vp of [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
]) {
  const size = `${vp.width}x${vp.height}`;
  test.describe(`phone ${size}`, () => {
    test.use({ viewport: vp, hasTouch: true, isMobile: true });

    test('every view fits: no sideways scroll, no overlapping text, every section reachable', async ({ page, me }) => {
      test.setTimeout(180_000);
      const ids = await seed(me);
      await everyView(page, size, true, ids);
    });

    test('rows, toolbar, selection and dialogs take the phone layout', async ({ page, me }) => {
      await seed(me);
      await openApp(page);
      const list = page.getByRole('listbox');
      // the whole name is there (shortened in the middle: the extension stays), size · date under it
      const row = list.getByRole('option', { name: new RegExp('Quarterly report') });
      await expect(row.locator('.name-tail')).toHaveText(/\.pdf$/);
      const name = await row.locator('.name-cell').boundingBox();
      const sizeCell = await row.locator('.cell.size').boundingBox();
      expect(name!.width).toBeGreaterThan(vp.width / 2);
      expect(sizeCell!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
      for (const box of [await row.boundingBox(), await page.getByRole('link', { name: 'Files', exact: true }).boundingBox()]) expect(box!.height).toBeGreaterThanOrEqual(44);

      // the toolbar keeps a few icons (named, with tooltips) and lists the rest with labels under More
      const toolbar = page.getByRole('toolbar', { name: 'File actions' });
      await expect(toolbar.getByRole('button', { name: 'Rename' })).toBeHidden();
      for (const b of await toolbar.getByRole('button').all()) {
        if (!(await b.isVisible())) continue;
        expect(await b.getAttribute('aria-label')).toBeTruthy();
        expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }

      // a tap on the checkbox starts a selection; later taps add to it instead of opening
      await row.locator('.cell.check').tap();
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await list.getByRole('option', { name: /beach\.jpg/ }).tap();
      await expect(list.getByRole('option', { name: /beach\.jpg/ })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await toolbar.getByRole('button', { name: 'More actions' }).tap();
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name: /Move/ }).first()).toBeVisible();
      await expect(menu.getByRole('menuitem', { name: /Copy/ })).toBeVisible();
      await check(page, 'more-menu', size);
      await page.keyboard.press('Escape');

      // the selection ends with its checkboxes; then a tap opens
      await row.locator('.cell.check').tap();
      await list.getByRole('option', { name: /beach\.jpg/ }).locator('.cell.check').tap();
      await expect(list.getByRole('option', { selected: true })).toHaveCount(0);
      await list.getByRole('option', { name: /Documents/ }).tap();
      await expect(list.getByRole('option', { name: /inside\.txt/ })).toBeVisible();

      // dialogs fill the screen
      await toolbar.getByRole('button', { name: /^New folder/ }).tap();
      const dialog = page.getByRole('dialog', { name: 'New folder' });
      await expect(dialog).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.width).toBe(vp.width);
      expect(box.height).toBeGreaterThanOrEqual(vp.height - 1);
      await check(page, 'dialog-new-folder', size);
    });
  });
}

test('desktop 1280×800 keeps the sidebar (screenshots of every view for review)', async ({ page, me }) => {
  test.skip(!process.env.SHOTS_DIR, 'screenshots only');
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const ids = await seed(me);
  await everyView(page, '1280x800', false, ids);
});
