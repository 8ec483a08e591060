import { useEffect } from 'react';
import type { FileMetadata } from '../../api/protocol/metadata';
import { nextTrack, playingSet, previousTrack } from '../../stores/player';
import { trackArtist, trackTitle } from './track';

/**
 * Lock-screen and media-key controls (Media Session API) for the current track. Browsers without
 * the API simply skip this.
 */
export function useMediaSession(track: FileMetadata | undefined, art: string | undefined, audio: () => HTMLAudioElement | null): void {
  useEffect(() => {
    if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
    const session = navigator.mediaSession;
    if (!track) {
      session.metadata = null;
      return;
    }
    session.metadata = new MediaMetadata({
      title: trackTitle(track),
      artist: trackArtist(track) ?? '',
      album: track.album ?? '',
      artwork: art ? [{ src: art, sizes: '256x256', type: 'image/jpeg' }] : [],
    });
  }, [track, art]);

  useEffect(() => {
    if (!('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    const seekBy = (delta: number) => {
      const a = audio();
      if (a && Number.isFinite(a.duration)) a.currentTime = Math.min(Math.max(0, a.currentTime + delta), a.duration);
    };
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => playingSet(true)],
      ['pause', () => playingSet(false)],
      ['stop', () => playingSet(false)],
      ['nexttrack', () => nextTrack()],
      ['previoustrack', () => previousTrack()],
      ['seekbackward', (d) => seekBy(-(d.seekOffset ?? 10))],
      ['seekforward', (d) => seekBy(d.seekOffset ?? 10)],
      [
        'seekto',
        (d) => {
          const a = audio();
          if (!a || d.seekTime === undefined) return;
          if (d.fastSeek && 'fastSeek' in a) a.fastSeek(d.seekTime);
          else a.currentTime = d.seekTime;
        },
      ],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        /* an action this browser does not know */
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          /* see above */
        }
      }
    };
  }, [audio]);
}

/** Keeps the lock screen's progress bar in step with the audio element. */
export function mediaPositionUpdated(a: HTMLAudioElement, playing: boolean): void {
  if (!('mediaSession' in navigator)) return;
  const session = navigator.mediaSession;
  session.playbackState = playing ? 'playing' : 'paused';
  if (!Number.isFinite(a.duration) || a.duration <= 0 || typeof session.setPositionState !== 'function') return;
  try {
    session.setPositionState({ duration: a.duration, position: Math.min(a.currentTime, a.duration), playbackRate: a.playbackRate || 1 });
  } catch {
    /* a position the browser rejects (rounding at the very end) */
  }
}
