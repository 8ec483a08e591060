import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/** Remembers where a video was left (per file) and starts there next time. */
export function useResume(ref: RefObject<HTMLVideoElement | null>, resumeKey: string, src: string | undefined): void {
  useEffect(() => {
    const video = ref.current;
    if (!video || !src) return;
    const saved = Number(localStorage.getItem(resumeKey) ?? 0);
    const resume = () => {
      // near the end counts as finished: start again from the beginning
      if (saved > 1 && (!Number.isFinite(video.duration) || saved < video.duration - 2)) video.currentTime = saved;
    };
    let last = 0;
    const save = () => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      try {
        if (video.duration && video.currentTime >= video.duration - 2) localStorage.removeItem(resumeKey);
        else localStorage.setItem(resumeKey, String(Math.floor(video.currentTime)));
      } catch {
        /* storage unavailable: no resume */
      }
    };
    if (video.readyState >= 1) resume();
    else video.addEventListener('loadedmetadata', resume, { once: true });
    video.addEventListener('timeupdate', save);
    video.addEventListener('ended', save);
    return () => {
      video.removeEventListener('loadedmetadata', resume);
      video.removeEventListener('timeupdate', save);
      video.removeEventListener('ended', save);
    };
  }, [ref, resumeKey, src]);
}

/**
 * YouTube-style keys on the video box: space/k play-pause, ←/→ (or j/l) seek, ↑/↓ volume,
 * m mute, f full screen, c captions on/off. Handled here (and the native default prevented) so a key never acts twice.
 */
export function videoKeyDown(e: KeyboardEvent<HTMLElement>, video: HTMLVideoElement | null): void {
  if (!video || e.altKey || e.ctrlKey || e.metaKey) return;
  if ((e.target as HTMLElement).closest('select, button, input')) return;
  const seek = (d: number) => {
    video.currentTime = Math.max(0, Math.min(Number.isFinite(video.duration) ? video.duration : Infinity, video.currentTime + d));
  };
  switch (e.key) {
    case ' ':
    case 'k':
      // a refused play leaves the video paused, which its controls already show
      if (video.paused) void video.play().catch(() => undefined);
      else video.pause();
      break;
    case 'ArrowLeft':
      seek(-5);
      break;
    case 'ArrowRight':
      seek(5);
      break;
    case 'j':
      seek(-10);
      break;
    case 'l':
      seek(10);
      break;
    case 'ArrowUp':
      video.volume = Math.min(1, video.volume + 0.1);
      break;
    case 'ArrowDown':
      video.volume = Math.max(0, video.volume - 0.1);
      break;
    case 'm':
      video.muted = !video.muted;
      break;
    case 'c': {
      const tracks = Array.from(video.textTracks).filter((t) => t.kind === 'subtitles' || t.kind === 'captions');
      const showing = tracks.filter((t) => t.mode === 'showing');
      if (showing.length) for (const t of showing) t.mode = 'hidden';
      else if (tracks[0]) tracks[0].mode = 'showing';
      break;
    }
    case 'f':
      // fullscreen refused (in a frame, no gesture): deliberately ignored, the video stays as it is
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void video.requestFullscreen?.().catch(() => undefined);
      break;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
}
