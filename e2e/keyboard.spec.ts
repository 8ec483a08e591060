// Keyboard only (issue 8 §5): every control reachable with Tab and a visible focus, dialogs keep
// focus inside and give it back, menus and navigation work without a pointer.
import { test, expect, openApp, upload } from './fixtures';
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
