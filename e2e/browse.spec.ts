import { test, expect, openApp } from './fixtures';

test.use({ signedInAs: 'demo' });

test.describe('browsing the demo account', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('opens folders, shows breadcrumbs, and back/forward work', async ({ page }) => {
    const list = page.getByRole('listbox', { name: /Contents of My files/ });
    await list.getByRole('option', { name: /Photos/ }).dblclick();
    await expect(page).toHaveURL(/\/folder\/\d+$/);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Photos');
    await page.getByRole('listbox').getByRole('option', { name: /Holidays 2025/ }).dblclick();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Holidays 2025');
    await page.goBack();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('Photos');
    await page.goForward();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('Holidays 2025');
    await page.getByRole('link', { name: 'My files' }).first().click();
    await expect(page).toHaveURL(/\/folder\/0$/);
  });

  test('keyboard: arrows, Enter, Backspace, Home/End and type-ahead', async ({ page }) => {
    const list = page.getByRole('listbox');
    await list.focus();
    await page.keyboard.press('Home');
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.type('mu');
    await expect(list.getByRole('option', { name: /Music/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Music');
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Backspace');
    await expect(page).toHaveURL(/\/folder\/0$/);
  });

  test('a 2,500-file folder scrolls smoothly with a bounded number of rows', async ({ page }) => {
    await page.getByRole('listbox').getByRole('option', { name: /Many files/ }).dblclick();
    const list = page.getByRole('listbox');
    await expect(page.getByText('2,500 items')).toBeVisible();
    const rendered = await list.getByRole('option').count();
    expect(rendered).toBeLessThan(150);
    await list.focus();
    await page.keyboard.press('End');
    await expect(list.getByRole('option', { name: /file-02500\.txt/ })).toBeVisible();
  });

  test('sorts by name and size, folders first', async ({ page }) => {
    await page.getByRole('listbox').getByRole('option', { name: /Documents/ }).dblclick();
    const names = () => page.getByRole('listbox').getByRole('option').allInnerTexts();
    await page.getByRole('button', { name: /Sort by Size/ }).click();
    const bySize = await names();
    await page.getByRole('button', { name: /Sort by Size/ }).click();
    const bySizeDesc = await names();
    expect(bySizeDesc).not.toEqual(bySize);
    await page.getByRole('button', { name: /Sort by Name/ }).click();
    const byName = (await names()).map((t) => t.split('\n')[0]);
    // the demo Documents folder holds one folder, Code: it comes first, then the files by name
    expect(byName[0]).toBe('Code');
    const files = byName.slice(1);
    const sorted = [...files].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
    expect(files).toEqual(sorted);
  });

  test('filters as you type and multi-selects with Shift and Ctrl', async ({ page }) => {
    await page.getByRole('listbox').getByRole('option', { name: /Photos/ }).dblclick();
    const list = page.getByRole('listbox');
    const options = list.getByRole('option');
    await options.nth(1).click();
    await options.nth(4).click({ modifiers: ['Shift'] });
    await expect(page.getByText('4 selected')).toBeVisible();
    await options.nth(6).click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByText('5 selected')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Filter this folder' }).fill('PNG');
    await expect(options.first()).toBeVisible();
    for (const text of await options.allInnerTexts()) expect(text.toLowerCase()).toContain('png');
  });

  test('hostile names display inert and exactly', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.getByRole('listbox').getByRole('option', { name: /Hostile names/ }).dblclick();
    await expect(page.getByRole('listbox').getByText('<img src=x onerror=alert(1)>.txt', { exact: true })).toBeVisible();
    expect(dialogs).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  test('photos show thumbnails from one batch request per screenful', async ({ page }) => {
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/getthumbslinks')) batches.push(r.url());
    });
    await page.getByRole('listbox').getByRole('option', { name: /Photos/ }).dblclick();
    const thumbs = page.getByRole('listbox').locator('img.thumb');
    await expect(thumbs.first()).toBeVisible();
    await expect.poll(() => thumbs.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(batches).toHaveLength(1);
  });

  test('the command palette finds actions and folders', async ({ page }) => {
    await page.getByRole('listbox').focus();
    await page.keyboard.press('ControlOrMeta+k');
    const input = page.getByPlaceholder('Type a command, a file or a folder name…');
    await input.fill('Videos');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Videos');
  });

  test('the command palette finds a folder anywhere in the account', async ({ page }) => {
    await page.getByRole('listbox').focus();
    await page.keyboard.press('ControlOrMeta+k');
    await page.getByPlaceholder('Type a command, a file or a folder name…').fill('holidays');
    const hit = page.getByRole('option', { name: /Holidays 2025/ });
    await expect(hit).toContainText('/Photos/Holidays 2025');
    await hit.click();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('Holidays 2025');
  });
});
