// Everyday use (issue 15): what a person meets first in the list, deletes, names and media.
import { test, expect } from './fixtures';

test.describe('the long demo folder', () => {
  test.use({ signedInAs: 'demo' });

  test('the first click after scrolling selects the row under the pointer and keeps the scroll position', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('listbox').getByRole('option', { name: /Many files/ }).dblclick();
    await expect(page.getByText('2,500 items')).toBeVisible();
    const list = page.getByRole('listbox');
    // scrolled with the wheel, the list never had focus: the click is its first focus
    await list.hover();
    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(10_000);
    const before = await list.evaluate((el) => el.scrollTop);
    // the row under a point in the middle of the list (a locator click would scroll a row into view itself)
    const box = (await list.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const name = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="option"]')?.querySelector('.name')?.textContent ?? '', at);
    expect(name).toMatch(/^file-\d+\.txt$/);
    await page.mouse.click(at.x, at.y);
    await expect(list.getByRole('option', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(list).toBeFocused();
    expect(await list.evaluate((el) => el.scrollTop)).toBe(before);
    await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);
  });
});
