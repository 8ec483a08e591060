// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { resetLanguage, setLanguage } from '../i18n';
import { resetUploadsStore, uploadChanged, uploadsQueued } from '../stores/uploads';
import { resetSessionStore, signedIn } from '../stores/session';
import { UploadPanel } from './upload-panel';

function renderPanel() {
  const qc = new QueryClient();
  return render(
    <QueryClientProvider client={qc}>
      <UploadPanel />
    </QueryClientProvider>,
  );
}

const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { lastModified: 1_700_000_000_000 });

// the panel's buttons drive the signed-in account's engine
beforeEach(() => signedIn({ token: 't', hostname: 'api.example', apiBase: 'https://api.example', locationid: 1, userid: 7, region: 'us', keep: false }));

afterEach(() => {
  cleanup();
  resetSessionStore();
  resetUploadsStore();
  localStorage.clear();
  resetLanguage();
});

describe('UploadPanel', () => {
  it('labels each row and keeps focus on the row button when Pause turns into Resume', async () => {
    const [a] = uploadsQueued([{ file: file('a.bin', 1000), dir: '' }], 0);
    act(() => uploadChanged(a.id, { status: 'uploading', loaded: 250 }));
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Uploads' });
    expect(within(panel).getByRole('status').textContent).toBe('Uploading 1 file');
    expect(within(panel).getByRole('progressbar', { name: 'a.bin progress' })).toBeTruthy();
    expect(panel.textContent).toContain('Uploading · 25%');
    const pause = within(panel).getByRole('button', { name: 'Pause a.bin' });
    pause.focus();
    fireEvent.click(pause);
    const resume = await within(panel).findByRole('button', { name: 'Resume a.bin' });
    expect(resume).toBe(pause);
    expect(document.activeElement).toBe(resume);
    expect(within(panel).getByRole('button', { name: 'Cancel a.bin' })).toBeTruthy();
  });

  it('announces finished and failed files once, with the queue state, not every change', async () => {
    const [a, b, c] = uploadsQueued(
      [
        { file: file('a.txt', 10), dir: '' },
        { file: file('b.txt', 10), dir: '' },
        { file: file('c.txt', 10), dir: '' },
      ],
      0,
    );
    renderPanel();
    const live = screen.getByRole('region', { name: 'Uploads' }).querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    act(() => uploadChanged(a.id, { status: 'done', loaded: 10 }));
    await waitFor(() => expect(live.textContent).toBe('“a.txt” uploaded. Uploading 2 files'), { timeout: 3000 });
    act(() => {
      uploadChanged(b.id, { status: 'done', loaded: 10 });
      uploadChanged(c.id, { status: 'failed', error: 'No space.' });
    });
    await waitFor(() => expect(live.textContent).toBe('“b.txt” uploaded. “c.txt” failed: No space. 1 upload failed'), { timeout: 3000 });
  });

  it('shrinks to a chip when everything has finished, and opens again on demand', async () => {
    const [a, b] = uploadsQueued([{ file: file('a.txt', 10), dir: '' }, { file: file('b.txt', 10), dir: '' }], 0);
    act(() => uploadChanged(a.id, { status: 'done', loaded: 10 }));
    renderPanel();
    let panel = screen.getByRole('region', { name: 'Uploads' });
    expect(within(panel).getByRole('list')).toBeTruthy();
    act(() => uploadChanged(b.id, { status: 'done', loaded: 10 }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Uploads' })).queryByRole('list')).toBeNull());
    panel = screen.getByRole('region', { name: 'Uploads' });
    expect(panel.className).toContain('upload-chip');
    expect(within(panel).getByRole('status').textContent).toBe('2 uploads complete');
    fireEvent.click(within(panel).getByRole('button', { name: 'Show uploads' }));
    await screen.findByRole('region', { name: 'Uploads' });
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Uploads' })).getByRole('list')).toBeTruthy());
    fireEvent.click(within(screen.getByRole('region', { name: 'Uploads' })).getByRole('button', { name: 'Clear finished' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Uploads' })).toBeNull());
  });

  it('stays a full panel while something failed', async () => {
    const [a] = uploadsQueued([{ file: file('a.txt', 10), dir: '' }], 0);
    act(() => uploadChanged(a.id, { status: 'failed', error: 'x' }));
    renderPanel();
    expect(within(screen.getByRole('region', { name: 'Uploads' })).getByRole('list')).toBeTruthy();
  });

  it('speaks German when German is chosen', async () => {
    await setLanguage('de');
    const [a] = uploadsQueued([{ file: file('a.bin', 1000), dir: '' }, { file: file('b.bin', 1000), dir: '' }], 0);
    act(() => uploadChanged(a.id, { status: 'failed', error: 'x' }));
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Uploads' });
    expect(within(panel).getByRole('status').textContent).toBe('1 Datei wird hochgeladen');
    expect(within(panel).getByRole('button', { name: 'a.bin erneut versuchen' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Fehlgeschlagene wiederholen' })).toBeTruthy();
  });
});
