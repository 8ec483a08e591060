import { useEffect, useState, type RefObject } from 'react';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import './playback-tools.css';
import { Button } from '../../ui/button';

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
const SPEED_KEY = 'pcloud.playback.rate';

function savedSpeed(): number {
  const v = Number(localStorage.getItem(SPEED_KEY));
  return (SPEEDS as readonly number[]).includes(v) ? v : 1;
}

/**
 * Playback speed, remembered on this device for video and audio. `defaultPlaybackRate` as well, so a
 * new source (another quality, the next track) keeps the speed.
 */
export function SpeedSelect({ media, compact = false }: { media: RefObject<HTMLMediaElement | null>; compact?: boolean }) {
  const t = useT(previews);
  const [speed, setSpeed] = useState(savedSpeed);
  useEffect(() => {
    const el = media.current;
    if (!el) return;
    const apply = () => {
      el.defaultPlaybackRate = speed;
      el.playbackRate = speed;
    };
    apply();
    el.addEventListener('loadedmetadata', apply);
    return () => el.removeEventListener('loadedmetadata', apply);
  }, [media, speed]);
  const select = (
    <select
      value={speed}
      aria-label={compact ? t('speed') : undefined}
      title={compact ? t('speed') : undefined}
      onChange={(e) => {
        const v = Number(e.target.value);
        setSpeed(v);
        localStorage.setItem(SPEED_KEY, String(v));
      }}
    >
      {SPEEDS.map((s) => (
        <option key={s} value={s}>
          {t('speedValue', { speed: s })}
        </option>
      ))}
    </select>
  );
  if (compact) return select;
  return (
    <label className="quality">
      {t('speed')} {select}
    </label>
  );
}

/** Picture-in-picture, where the browser offers it. */
export function PipButton({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const t = useT(previews);
  if (!document.pictureInPictureEnabled) return null;
  return (
    <Button
      onClick={() => {
        // refused (no video frame yet, a policy): the video stays where it is
        if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
        else void video.current?.requestPictureInPicture().catch(() => undefined);
      }}
    >
      {t('pictureInPicture')}
    </Button>
  );
}
