import { create } from 'zustand';
import type { FileMetadata } from '../api/protocol/metadata';
import { getSession } from './session';

/**
 * The persistent audio player's queue (features/player/mini-player.tsx plays it). Anything that can
 * play music — the viewer, a folder, a collection — hands it a list of tracks with playQueue().
 *
 * The queue, the current track and its position survive a reload (localStorage); content links are
 * never stored — the player resolves them again — and a reload never starts playing by itself.
 */
export type Repeat = 'off' | 'all' | 'one';

export interface PlayerState {
  queue: readonly FileMetadata[];
  /** index into queue of the current track, -1 when nothing is loaded */
  index: number;
  /** play order: a permutation of queue indices (identity unless shuffle is on) */
  order: readonly number[];
  playing: boolean;
  shuffle: boolean;
  repeat: Repeat;
  /** 0..1 */
  volume: number;
  muted: boolean;
  /** where the queue came from, for the player's title ("Playlist: Road trip") */
  source?: string;
  /** an image standing in for album art when a track has no thumbnail (a folder's cover.jpg) */
  cover?: FileMetadata;
  /** who the queue belongs to: a different account signing in on this browser must not see it */
  owner?: number | null;
  /** seconds into the current track where playback should (re)start; kept for reloads */
  position: number;
  /** bumped when the current track must start again from `position` (same index picked again, repeat one) */
  restarts: number;
}

const KEY = 'pcloud.player';
const POSITION_KEY = 'pcloud.player.position';

const initial: PlayerState = {
  queue: [], index: -1, order: [], playing: false, shuffle: false, repeat: 'off', volume: 1, muted: false, position: 0, restarts: 0,
};

/** Metadata fields the player needs; the rest is dropped before storing. */
const KEPT = [
  'name', 'id', 'isfolder', 'fileid', 'parentfolderid', 'size', 'contenttype', 'hash', 'category', 'icon', 'thumb', 'created', 'modified',
  'ismine', 'isshared', 'artist', 'album', 'title', 'trackno', 'duration',
] as const;

function trimmed(m: FileMetadata): FileMetadata {
  const out: Record<string, unknown> = {};
  for (const k of KEPT) if (m[k] !== undefined) out[k] = m[k];
  return out as unknown as FileMetadata;
}

interface Stored {
  v: 1;
  queue: FileMetadata[];
  index: number;
  order: number[];
  shuffle: boolean;
  repeat: Repeat;
  volume: number;
  muted: boolean;
  source?: string;
  cover?: FileMetadata;
  owner?: number | null;
}

function isPermutation(order: unknown, n: number): order is number[] {
  if (!Array.isArray(order) || order.length !== n) return false;
  const seen = new Set(order);
  return seen.size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
}

function load(): PlayerState {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return initial;
    const s = JSON.parse(raw) as Stored;
    if (s.v !== 1 || !Array.isArray(s.queue) || !s.queue.length) return initial;
    const index = Number.isInteger(s.index) && s.index >= 0 && s.index < s.queue.length ? s.index : 0;
    const pos = JSON.parse(localStorage.getItem(POSITION_KEY) ?? 'null') as { fileid: number; t: number } | null;
    const position = pos && pos.fileid === s.queue[index].fileid && Number.isFinite(pos.t) ? Math.max(0, pos.t) : 0;
    return {
      ...initial,
      queue: s.queue,
      index,
      order: isPermutation(s.order, s.queue.length) ? s.order : identity(s.queue.length),
      shuffle: !!s.shuffle,
      repeat: s.repeat === 'all' || s.repeat === 'one' ? s.repeat : 'off',
      volume: typeof s.volume === 'number' && s.volume >= 0 && s.volume <= 1 ? s.volume : 1,
      muted: !!s.muted,
      source: s.source,
      cover: s.cover,
      owner: s.owner,
      position,
      playing: false, // never autoplay after a reload
    };
  } catch {
    return initial;
  }
}

const usePlayerStore = create<PlayerState>()(() => load());

// Write the queue only when it (or a setting) changed; the position has its own small key because it
// changes every few seconds and the queue may be long.
usePlayerStore.subscribe((s, prev) => {
  if (s.queue === prev.queue && s.index === prev.index && s.order === prev.order && s.shuffle === prev.shuffle && s.repeat === prev.repeat
    && s.volume === prev.volume && s.muted === prev.muted && s.source === prev.source && s.cover === prev.cover && s.owner === prev.owner) return;
  try {
    if (!s.queue.length) {
      localStorage.removeItem(KEY);
      localStorage.removeItem(POSITION_KEY);
      return;
    }
    const stored: Stored = {
      v: 1, queue: s.queue.map(trimmed), index: s.index, order: [...s.order], shuffle: s.shuffle, repeat: s.repeat, volume: s.volume, muted: s.muted,
      source: s.source, cover: s.cover && trimmed(s.cover), owner: s.owner,
    };
    localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {
    /* storage full or unavailable: the player still works, it just won't survive a reload */
  }
});

export const usePlayer = <T>(pick: (s: PlayerState) => T) => usePlayerStore(pick);
export const getPlayer = () => usePlayerStore.getState();

export function currentTrack(s: PlayerState = getPlayer()): FileMetadata | undefined {
  return s.index >= 0 ? s.queue[s.index] : undefined;
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** A random order of 0..n-1 that starts with `first` (Fisher–Yates on the rest). */
export function shuffledOrder(n: number, first: number, random: () => number = Math.random): number[] {
  const rest = identity(n).filter((i) => i !== first);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return first >= 0 && first < n ? [first, ...rest] : rest;
}

/** Replace the queue and start playing tracks[start]. */
export function playQueue(tracks: readonly FileMetadata[], start = 0, source?: string, opts: { cover?: FileMetadata } = {}): void {
  if (!tracks.length) return;
  const index = Math.min(Math.max(start, 0), tracks.length - 1);
  const s = getPlayer();
  usePlayerStore.setState({
    queue: tracks, index, playing: true, source, cover: opts.cover, owner: getSession()?.userid ?? null,
    order: s.shuffle ? shuffledOrder(tracks.length, index) : identity(tracks.length),
    position: 0, restarts: s.restarts + 1,
  });
}

export function playingSet(playing: boolean): void {
  if (playing && getPlayer().index < 0) return;
  usePlayerStore.setState({ playing });
}

export function playToggled(): void {
  playingSet(!getPlayer().playing);
}

/** Remember where the current track is (called while it plays). */
export function positionSaved(seconds: number): void {
  const s = getPlayer();
  const track = currentTrack(s);
  if (!track || !Number.isFinite(seconds)) return;
  usePlayerStore.setState({ position: seconds });
  try {
    localStorage.setItem(POSITION_KEY, JSON.stringify({ fileid: track.fileid, t: Math.floor(seconds * 10) / 10 }));
  } catch {
    /* see above */
  }
}

function go(index: number, playing: boolean): void {
  const s = getPlayer();
  usePlayerStore.setState({ index, playing, position: 0, restarts: s.restarts + 1 });
  positionSaved(0);
}

/** The index after the current one in play order, honouring repeat-all; undefined at the end. */
export function nextIndex(s: PlayerState = getPlayer()): number | undefined {
  if (s.index < 0) return undefined;
  const at = s.order.indexOf(s.index);
  if (at + 1 < s.order.length) return s.order[at + 1];
  return s.repeat === 'all' ? s.order[0] : undefined;
}

export function previousIndex(s: PlayerState = getPlayer()): number | undefined {
  if (s.index < 0) return undefined;
  const at = s.order.indexOf(s.index);
  if (at > 0) return s.order[at - 1];
  return s.repeat === 'all' ? s.order[s.order.length - 1] : undefined;
}

/** Next button / media key: the next track (wrapping with repeat all); at the very end it stops. */
export function nextTrack(): void {
  const s = getPlayer();
  const i = nextIndex(s);
  if (i === undefined) {
    if (s.index >= 0) usePlayerStore.setState({ playing: false });
    return;
  }
  go(i, s.playing);
}

/** Previous button: the previous track, or the start of the first one. */
export function previousTrack(): void {
  const s = getPlayer();
  const i = previousIndex(s);
  if (i === undefined) {
    if (s.index >= 0) go(s.index, s.playing);
    return;
  }
  go(i, s.playing);
}

/** The current track played to its end: repeat one plays it again, otherwise on to the next. */
export function trackEnded(): void {
  const s = getPlayer();
  if (s.repeat === 'one') return go(s.index, true);
  const i = nextIndex(s);
  if (i === undefined) {
    // end of the queue: back to the start of the last track, stopped
    usePlayerStore.setState({ playing: false, position: 0, restarts: s.restarts + 1 });
    positionSaved(0);
    return;
  }
  go(i, true);
}

/** Play queue[index] now (the queue view's "jump to"). */
export function jumpedTo(index: number): void {
  const s = getPlayer();
  if (index < 0 || index >= s.queue.length) return;
  go(index, true);
}

export function removedFromQueue(index: number): void {
  const s = getPlayer();
  if (index < 0 || index >= s.queue.length) return;
  if (s.queue.length === 1) return playerClosed();
  const queue = s.queue.filter((_, i) => i !== index);
  const order = s.order.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
  if (index !== s.index) {
    usePlayerStore.setState({ queue, order, index: s.index > index ? s.index - 1 : s.index });
    return;
  }
  // the current track goes: continue with what would have come next
  const at = s.order.indexOf(index);
  const nextInOrder = at + 1 < s.order.length ? s.order[at + 1] : s.repeat === 'all' ? s.order[0] : undefined;
  const nextIdx = nextInOrder === undefined ? order[order.length - 1] : nextInOrder > index ? nextInOrder - 1 : nextInOrder;
  usePlayerStore.setState({ queue, order, index: nextIdx, playing: nextInOrder === undefined ? false : s.playing, position: 0, restarts: s.restarts + 1 });
  positionSaved(0);
}

export function shuffleToggled(): void {
  const s = getPlayer();
  const shuffle = !s.shuffle;
  usePlayerStore.setState({ shuffle, order: shuffle ? shuffledOrder(s.queue.length, s.index) : identity(s.queue.length) });
}

const REPEAT_NEXT: Record<Repeat, Repeat> = { off: 'all', all: 'one', one: 'off' };

export function repeatCycled(): void {
  usePlayerStore.setState((s) => ({ repeat: REPEAT_NEXT[s.repeat] }));
}

export function volumeSet(volume: number): void {
  usePlayerStore.setState({ volume: Math.min(1, Math.max(0, volume)), muted: volume <= 0 });
}

export function muteToggled(): void {
  usePlayerStore.setState((s) => ({ muted: !s.muted }));
}

/** Replace a track's metadata (renamed or re-probed), keeping its place. */
export function trackUpdated(track: FileMetadata): void {
  usePlayerStore.setState((s) => ({ queue: s.queue.map((t) => (t.fileid === track.fileid ? track : t)) }));
}

export function playerClosed(): void {
  const s = getPlayer();
  usePlayerStore.setState({ ...initial, shuffle: s.shuffle, repeat: s.repeat, volume: s.volume, muted: s.muted });
}

/** Tests: back to an empty player and forget what was stored. */
export function resetPlayerStore(): void {
  usePlayerStore.setState(initial);
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(POSITION_KEY);
  } catch {
    /* nothing stored */
  }
}

/** Tests: read the stored state again as a reload would. */
export function reloadPlayerStoreForTests(): void {
  usePlayerStore.setState(load(), true);
}
