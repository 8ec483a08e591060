import type { FileMetadata } from '../../api/protocol/metadata';
import { getT } from '../../i18n';
import player from '../../locales/en/player';

const t = getT(player);

/** The tag title, or the file name without its extension. */
export function trackTitle(t: FileMetadata): string {
  if (t.title?.trim()) return t.title.trim();
  const dot = t.name.lastIndexOf('.');
  return dot > 0 ? t.name.slice(0, dot) : t.name;
}

export function trackArtist(t: FileMetadata): string | undefined {
  return t.artist?.trim() || undefined;
}

/** `m:ss` or `h:mm:ss`; `--:--` while unknown. */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Spoken form for screen readers: "1 minute 5 seconds". */
export function spokenClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return t('unknownTime');
  const s = Math.floor(seconds);
  const m = Math.floor(s / 60);
  const secs = t('seconds', { count: s % 60 });
  return m ? t('minutesSeconds', { minutes: t('minutes', { count: m }), seconds: secs }) : secs;
}
