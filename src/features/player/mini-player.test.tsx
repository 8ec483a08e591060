import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { FileMetadata } from '../../api/protocol/metadata';
import { PcloudError } from '../../api/errors';
import { getPlayer, playQueue, resetPlayerStore } from '../../stores/player';
import { resetLanguage, setLanguage } from '../../i18n';
import { resolveAudio } from './audio-source';
import { MiniPlayer } from './mini-player';

vi.mock('./audio-source', () => ({ resolveAudio: vi.fn() }));
const resolved = vi.mocked(resolveAudio);

const track = (fileid: number): FileMetadata => ({
  name: `Track ${fileid}.mp3`, id: `f${fileid}`, isfolder: false, fileid, size: 1000, contenttype: 'audio/mpeg', hash: '1', category: 3,
  icon: 'audio', thumb: false, created: 'Mon, 01 Jan 2024 00:00:00 +0000', modified: 'Mon, 01 Jan 2024 00:00:00 +0000', ismine: true,
  isshared: false, parentfolderid: 5, artist: `Artist ${fileid}`,
});
const tracks = [1, 2, 3, 4].map(track);

function renderPlayer() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MiniPlayer />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  resetPlayerStore();
  resolved.mockReset();
  resolved.mockImplementation(async (_qc, t) => ({ url: `http://content.example/${t.fileid}.mp3`, expires: Date.now() + 3_600_000, via: 'stream' }));
  // jsdom has no media playback
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
  Element.prototype.scrollIntoView ??= () => undefined; // not in jsdom
});

afterEach(() => {
  cleanup();
  resetLanguage();
  vi.restoreAllMocks();
});

describe('MiniPlayer', () => {
  it('shows nothing until something plays', () => {
    renderPlayer();
    expect(screen.queryByRole('region', { name: 'Audio player' })).toBeNull();
  });

  it('plays the queue: title, next, shuffle, repeat, space', async () => {
    act(() => playQueue(tracks, 0, 'Music'));
    renderPlayer();
    const bar = screen.getByRole('region', { name: 'Audio player' });
    expect(within(bar).getByText('Track 1')).toBeTruthy();
    await waitFor(() => expect(resolved).toHaveBeenCalledWith(expect.anything(), tracks[0], false));
    await waitFor(() => expect(bar.querySelector('audio')?.getAttribute('src')).toBe('http://content.example/1.mp3'));

    fireEvent.click(within(bar).getByRole('button', { name: 'Next track' }));
    expect(within(bar).getByText('Track 2')).toBeTruthy();
    await waitFor(() => expect(bar.querySelector('audio')?.getAttribute('src')).toBe('http://content.example/2.mp3'));

    const shuffle = within(bar).getByRole('button', { name: 'Shuffle' });
    fireEvent.click(shuffle);
    expect(shuffle.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(bar).getByRole('button', { name: 'Repeat: off' }));
    fireEvent.click(within(bar).getByRole('button', { name: 'Repeat: all' }));
    expect(within(bar).getByRole('button', { name: 'Repeat: one' })).toBeTruthy();

    // space toggles playback while focus is in the player (not on a button, which has its own space)
    expect(getPlayer().playing).toBe(true);
    fireEvent.keyDown(within(bar).getByRole('slider', { name: 'Seek' }), { key: ' ' });
    expect(getPlayer().playing).toBe(false);
    expect(within(bar).getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('the queue view jumps to and removes tracks', async () => {
    act(() => playQueue(tracks, 0, 'Music'));
    renderPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Queue' }));
    const queue = screen.getByRole('region', { name: 'Queue' });
    expect(within(queue).getAllByRole('listitem')).toHaveLength(4);
    expect(within(queue).getAllByRole('listitem')[0].getAttribute('aria-current')).toBe('true');
    fireEvent.click(within(queue).getByRole('button', { name: 'Play Track 3' }));
    expect(getPlayer().index).toBe(2);
    fireEvent.click(within(queue).getByRole('button', { name: 'Remove Track 4 from the queue' }));
    expect(within(queue).getAllByRole('listitem')).toHaveLength(3);
    fireEvent.keyDown(queue, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Queue' })).toBeNull();
  });

  it('explains a refused stream instead of playing', async () => {
    resolved.mockRejectedValue(new PcloudError(7010, 'Invalid link referer.', 'getaudiolink'));
    act(() => playQueue(tracks, 0));
    renderPlayer();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/refuses to stream/);
    expect(getPlayer().playing).toBe(false);
  });

  it('labels its controls in German, with a spoken position and aria-pressed toggles', async () => {
    await setLanguage('de');
    act(() => playQueue(tracks, 0, 'Musik'));
    renderPlayer();
    const bar = screen.getByRole('region', { name: 'Audioplayer' });
    expect(within(bar).getByRole('button', { name: 'Zufällige Wiedergabe' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(bar).getByRole('button', { name: 'Wiederholen: aus' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(bar).getByRole('button', { name: 'Stummschalten' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(bar).getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext')).toBe('0 Sekunden von 0 Sekunden');
    expect(within(bar).getByRole('slider', { name: 'Lautstärke' })).toBeTruthy();
  });
});
