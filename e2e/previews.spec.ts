// The rich previewers (issue 19) in both viewers that use them: the signed-in app and a stranger's
// view of a public link. Each check runs against the same demo files in both.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, anonymousPage, api, openApp, openPath } from './fixtures';

test.use({ signedInAs: 'demo' });

type Check = (viewer: Locator, page: Page) => Promise<void>;

const checks: Record<string, { folder: string; file: string; check: Check }> = {
  pdf: {
    folder: 'Documents',
    file: 'Guide.pdf',
    async check(viewer) {
      const first = viewer.getByRole('region', { name: 'Page 1', exact: true });
      // the first PDF also loads pdf.js and its worker (1.2 MB): slow on a busy machine
      await expect(first).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
      await expect.poll(() => first.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
      await expect(first.locator('.textLayer')).toContainText('1. Welcome');
      await expect(viewer.getByText('Page 1 of 6')).toBeVisible();
      await viewer.getByRole('searchbox', { name: 'Find in document' }).fill('needle');
      await viewer.getByRole('searchbox', { name: 'Find in document' }).press('Enter');
      await expect(viewer.getByRole('status').filter({ hasText: 'Match 1 of 1' })).toBeVisible();
      await expect(viewer.locator('.pdf-hit').filter({ hasText: 'Needle' })).toBeVisible();
      await expect(viewer.getByText('Page 3 of 6')).toBeVisible();
    },
  },
  docx: {
    folder: 'Documents',
    file: 'Letter.docx',
    async check(viewer) {
      await expect(viewer.getByRole('document', { name: 'Contents of Letter.docx' }).getByText('Quarterly letter')).toBeVisible();
      await expect(viewer.getByRole('cell', { name: 'Premium' })).toBeVisible();
    },
  },
  sheet: {
    folder: 'Documents',
    file: 'Sales.xlsx',
    async check(viewer) {
      const table = viewer.getByRole('table', { name: 'Sheet Sales' });
      await expect(table.getByRole('cell', { name: 'Revenue' })).toBeVisible();
      await viewer.getByRole('tab', { name: 'Contacts' }).click();
      await expect(viewer.getByRole('table', { name: 'Sheet Contacts' }).getByRole('cell', { name: 'Zürich' })).toBeVisible();
    },
  },
  markdown: {
    folder: 'Documents',
    file: 'Guide.md',
    async check(viewer, page) {
      const doc = viewer.getByRole('article', { name: 'Contents of Guide.md' });
      await expect(doc.getByRole('heading', { level: 1, name: 'Previewing files' })).toBeVisible();
      await expect(doc.getByRole('cell', { name: 'a table' })).toBeVisible();
      expect(await doc.locator('script').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');
      // the picture next to the file, resolved through the source
      await expect.poll(() => doc.getByRole('img', { name: 'Diagram' }).evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(640);
      await expect(doc.locator('pre code .hljs-keyword').first()).toHaveText('const');
    },
  },
  code: {
    folder: 'Documents/Code',
    file: 'main.go',
    async check(viewer) {
      const doc = viewer.getByRole('document', { name: 'Contents of main.go' });
      const keyword = doc.locator('.hljs-keyword', { hasText: 'func' }).first();
      await expect(keyword).toBeVisible();
      const colours = await keyword.evaluate((k) => [getComputedStyle(k).color, getComputedStyle(k.closest('.code-line')!).color]);
      expect(colours[0]).not.toBe(colours[1]);
      await expect(doc.locator('.code-ln').first()).toHaveText('1');
      await viewer.getByRole('checkbox', { name: 'Wrap long lines' }).check();
      await expect(doc).toHaveClass(/wrap/);
      await viewer.getByRole('checkbox', { name: 'Wrap long lines' }).uncheck();
    },
  },
  video: {
    folder: 'Videos',
    file: 'Big Buck Demo.mp4',
    async check(viewer) {
      const video = viewer.locator('video');
      // the .srt named after the video is on from the start, converted to WebVTT
      await expect(viewer.getByLabel('Subtitles')).not.toHaveValue('off');
      // the first open of a video makes its transcode: give it the time media.spec gives it
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks.length)).toBe(1);
      await video.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        v.pause();
        v.currentTime = 2;
      });
      const cues = () => video.evaluate((v: HTMLVideoElement) => Array.from(v.textTracks[0].activeCues ?? [], (c) => (c as VTTCue).text).join('|'));
      await expect.poll(cues).toBe('Hello from the demo subtitles');
      await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 6));
      await expect.poll(cues).toBe('Zweite Zeile – <i>second</i> cue');
      await viewer.getByLabel('Playback speed').selectOption('1.5');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.5);
      // c hides the captions, c again shows them
      await video.focus();
      await video.press('c');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0].mode)).toBe('hidden');
      await video.press('c');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0].mode)).toBe('showing');
      await viewer.getByLabel('Playback speed').selectOption('1');
    },
  },
  exif: {
    folder: 'Photos',
    file: 'IMG_2041.jpg',
    async check(viewer, page) {
      const img = viewer.getByRole('img', { name: 'IMG_2041.jpg' });
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      const tools = viewer.getByRole('toolbar', { name: 'Picture tools' });
      await tools.getByRole('button', { name: 'Details' }).click();
      const panel = viewer.getByRole('complementary', { name: 'Photo details' });
      await expect(panel).toContainText('pCloud Demo Generated Camera');
      await expect(panel).toContainText('Demo 24-70mm F2.8');
      await expect(panel).toContainText('1/250 s · f/8 · ISO 200');
      await expect(panel).toContainText('46.55810° N, 8.56110° E');
      await tools.getByRole('button', { name: 'Details' }).click();
      await expect(panel).toHaveCount(0);
      await tools.getByRole('button', { name: 'Rotate' }).click();
      await expect(img).toHaveAttribute('style', /rotate\(90deg\)/);
      await page.keyboard.press('+');
      await expect(tools).toContainText('125 %');
      await page.keyboard.press('0');
      await expect(tools).toContainText('100 %');
    },
  },
};

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function folderId(token: string, path: string): Promise<number> {
  const r = await api<{ metadata: { folderid: number } }>('listfolder', { path: `/${path}`, nofiles: 1 }, token);
  return r.metadata.folderid;
}

for (const [kind, { folder, file, check }] of Object.entries(checks)) {
  test(`${kind}: ${file} in the signed-in viewer`, async ({ page }) => {
    test.fixme(kind === 'video' && !hasFfmpeg(), 'without ffmpeg the demo data has no video');
    await openApp(page);
    await openPath(page, ...folder.split('/').map((f) => new RegExp(`^${f}`)), new RegExp(file.replace('.', '\\.')));
    const viewer = page.getByRole('dialog', { name: file });
    await expect(viewer).toBeVisible();
    await check(viewer, page);
    // the previewer's own controls and content: no serious or critical accessibility problems
    const { violations } = await new AxeBuilder({ page }).include('.viewer').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test(`${kind}: ${file} on a public link`, async ({ browser, me }) => {
    test.fixme(kind === 'video' && !hasFfmpeg(), 'without ffmpeg the demo data has no video');
    test.slow(kind === 'video');
    const { code } = await api<{ code: string }>('getfolderpublink', { folderid: await folderId(me.token, folder) }, me.token);
    const { context, page } = await anonymousPage(browser);
    try {
      await page.goto(`/publink/show?code=${code}`);
      await page.getByRole('link', { name: `Preview ${file}` }).click();
      const viewer = page.getByRole('dialog', { name: file });
      await expect(viewer).toBeVisible();
      await check(viewer, page);
    } finally {
      await context.close();
    }
  });
}
