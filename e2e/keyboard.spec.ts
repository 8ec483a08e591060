// Keyboard only (issue 8 §5): every control reachable with Tab and a visible focus, dialogs keep
// focus inside and give it back, menus and navigation work without a pointer.
import { test, expect, openApp, upload, newFolder } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ signedInAs: 'account' });

test.beforeEach(async ({ page, me }) => {
  await upload(me.token, 0, 'notes.txt', 'some notes');
  await openApp(page);
  await expect(page.getByRole('option', { name: /notes\.txt/ })).toBeVisible();
});

/** The focused element's accessible-ish name and whether its focus is drawn (outline or ring). */
async function focused(page: Page): Promise<{ name: string; tag: string; visible: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body', visible: false, inDialog: false };
    // the ring is on the element, or on the field's frame around it (a search box's border)
    const drawn = (e: Element) => {
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    };
    const ring = drawn(el) || (!!el.parentElement && el.parentElement.matches(':focus-within') && drawn(el.parentElement));
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    return { name, tag: el.tagName.toLowerCase(), visible: ring, inDialog: !!el.closest('[role="dialog"]') };
  });
}

async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (name.test(f.name)) {
      expect(f.visible, `focus on "${f.name}" is drawn`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

test('skip link, then every toolbar control in order, each with a visible focus', async ({ page }) => {
  // a fresh page load: the first Tab starts at the top of the document
  await page.reload();
  await expect(page.getByRole('option', { name: /notes\.txt/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  // everything a pointer user reaches in the view is reached by Tab, and the ring shows where focus is
  const seen: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'body') break;
    expect(f.visible, `focus on <${f.tag}> "${f.name}" is drawn`).toBe(true);
    seen.push(f.name);
  }
  expect(seen.join(' | ')).toMatch(/New folder/);
  expect(seen.join(' | ')).toMatch(/Upload/);
});

test('a dialog keeps focus inside while open and gives it back to what opened it', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'New folder' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Folder name')).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).inDialog).toBe(true);
  }
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inDialog).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('sections, the account menu and the theme without a pointer', async ({ page }) => {
  await tabTo(page, /^Trash$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trash$/);
  await tabTo(page, /Account menu/);
  await page.keyboard.press('Enter');
  const dark = page.getByRole('menuitemradio', { name: 'Theme: dark' });
  await expect(dark).toBeVisible();
  while (!(await dark.evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeFocused();
});

// ---- focus never falls to <body> (issue 15, item 4) ----------------------------------------------

const list = (page: Page) => page.getByRole('listbox');
/** The row the list's focus is on (aria-activedescendant), by its name. */
const focusedRow = (page: Page) =>
  list(page).evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.querySelector('.name')?.textContent ?? '');
const onBody = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

test('a folder that is not cached yet: focus waits, lands on its first row, and Backspace comes back to the folder', async ({ page, me }) => {
  const projects = await newFolder(me.token, 'Projects');
  await upload(me.token, projects, 'alpha.txt', 'a');
  await upload(me.token, projects, 'beta.txt', 'b');
  await page.reload();
  // the folder's listing comes slowly, so the loading placeholder shows in the list's place
  let release!: () => void;
  const slow = new Promise<void>((r) => (release = r));
  await page.route('**/listfolder', async (route) => {
    if (new URLSearchParams(route.request().postData() ?? '').get('folderid') === String(projects)) await slow;
    await route.continue();
  });
  await list(page).focus();
  await page.keyboard.type('proj');
  await expect(list(page).getByRole('option', { name: /Projects/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Loading folder' })).toBeVisible();
  expect(await onBody(page)).toBe(false);
  release();
  await expect(list(page).getByRole('option', { name: /alpha\.txt/ })).toBeVisible();
  await expect(list(page)).toBeFocused();
  await expect.poll(() => focusedRow(page)).toBe('alpha.txt');
  await page.keyboard.press('ArrowDown');
  await expect(list(page).getByRole('option', { name: /beta\.txt/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Backspace');
  await expect(page).toHaveURL(/\/folder\/0$/);
  await expect(list(page)).toBeFocused();
  await expect(list(page).getByRole('option', { name: /Projects/ })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => focusedRow(page)).toBe('Projects');
});

test('an empty folder keeps the focus, and Backspace goes back to it in the list', async ({ page, me }) => {
  await newFolder(me.token, 'Nothing here');
  await page.reload();
  await list(page).focus();
  await page.keyboard.type('noth');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible();
  expect(await onBody(page)).toBe(false);
  await page.keyboard.press('Backspace');
  await expect(page).toHaveURL(/\/folder\/0$/);
  await expect(list(page)).toBeFocused();
  await expect(list(page).getByRole('option', { name: /Nothing here/ })).toHaveAttribute('aria-selected', 'true');
});

test('Esc out of the viewer gives focus back to the list, on the file that was shown', async ({ page, me }) => {
  await upload(me.token, 0, 'zebra.txt', 'stripes');
  await page.reload();
  await list(page).focus();
  await page.keyboard.type('zeb');
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog');
  await expect(viewer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(list(page)).toBeFocused();
  await expect(list(page).getByRole('option', { name: /zebra\.txt/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(list(page).getByRole('option', { name: /notes\.txt/ })).toHaveAttribute('aria-selected', 'true');
});
