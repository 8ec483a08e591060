import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type HlsType from 'hls.js';
import type * as HlsModule from 'hls.js';
import { closestLevel, preferredHeight, preferredHeightSet } from './video-quality';
import { useResume, videoKeyDown } from './video-controls';
import { useT } from '../../i18n';
import player from '../../locales/en/player';

let hlsModule: Promise<typeof HlsModule> | null = null;

/** Starts loading the hls.js chunk (once): the viewer calls it while gethlslink is still on its way. */
export function loadHls(): Promise<typeof HlsModule> {
  hlsModule ??= import('hls.js');
  hlsModule.catch(() => (hlsModule = null));
  return hlsModule;
}

interface HlsHandle {
  currentLevel: number;
  destroy(): void;
}

/**
 * Plays an HLS playlist. hls.js is imported here only, so it lands in its own chunk that loads
 * when a video opens (never on the first page). Native HLS (Safari) is used when available.
 * `onUnplayable` is called when neither works or the stream fails for good, so the caller can
 * fall back to progressive playback (getvideolinks).
 */
export function HlsVideo({ src, resumeKey, label, aspect, poster, onUnplayable, tools }: { src: string; resumeKey: string; label: string; aspect?: string; poster?: string; onUnplayable: (reason: string) => void; tools?: (video: RefObject<HTMLVideoElement | null>) => ReactNode }) {
  const ref = useRef<HTMLVideoElement>(null);
  const t = useT(player);
  const [levels, setLevels] = useState<{ height: number; index: number }[]>([]);
  const [level, setLevel] = useState(-1);
  const hlsRef = useRef<HlsHandle | null>(null);
  const fallback = useRef(onUnplayable);
  useEffect(() => {
    fallback.current = onUnplayable;
  }, [onUnplayable]);

  useResume(ref, resumeKey, src);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    let cancelled = false;
    void (async () => {
      if (video.canPlayType('application/vnd.apple.mpegurl') && !('MediaSource' in window)) {
        video.src = src;
        // a refused autoplay (no user gesture yet) is deliberate silence: the controls stay for a click
        void video.play().catch(() => undefined);
        return;
      }
      let Hls: typeof HlsType;
      try {
        Hls = (await loadHls()).default;
      } catch {
        if (!cancelled) fallback.current('The video player could not be loaded.');
        return;
      }
      if (cancelled) return;
      if (!Hls.isSupported()) {
        if (video.canPlayType('application/vnd.apple.mpegurl')) {
          video.src = src;
          // a refused autoplay (no user gesture yet) is deliberate silence: the controls stay for a click
          void video.play().catch(() => undefined);
        } else fallback.current('This browser cannot play HLS streams.');
        return;
      }
      const wanted = preferredHeight();
      // start on the lowest rung: it is the one pCloud (and the emulator) has ready first; ABR climbs from there
      const hls = new Hls({ enableWorker: true, startLevel: 0, capLevelToPlayerSize: true });
      hlsRef.current = hls;
      let mediaRecovered = false;
      hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
        const list = data.levels.map((l, index) => ({ height: l.height, index }));
        setLevels(list);
        if (wanted !== undefined && list.length > 1) {
          const i = closestLevel(list.map((l) => l.height), wanted);
          hls.currentLevel = i;
          setLevel(i);
        }
        // a refused autoplay (no user gesture yet) is deliberate silence: the controls stay for a click
        void video.play().catch(() => undefined);
      });
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        // a decoder hiccup is worth one recovery; anything else means HLS does not work here
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !mediaRecovered) {
          mediaRecovered = true;
          hls.recoverMediaError();
          return;
        }
        hls.destroy();
        hlsRef.current = null;
        fallback.current(`The HLS stream failed (${data.details}).`);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    })();
    return () => {
      cancelled = true;
      hlsRef.current?.destroy();
      hlsRef.current = null;
    };
  }, [src]);

  return (
    <div className="video-box" onKeyDown={(e) => videoKeyDown(e, ref.current)}>
      <video ref={ref} controls playsInline poster={poster} aria-label={label} className="viewer-video" data-stream="hls" style={aspect ? { aspectRatio: aspect } : undefined} />
      <div className="video-tools">
        {tools?.(ref)}
        {levels.length > 1 && (
          <label className="quality">
            {t('quality')}{' '}
            <select
              value={level}
              onChange={(e) => {
                const v = Number(e.target.value);
                setLevel(v);
                if (hlsRef.current) hlsRef.current.currentLevel = v;
                preferredHeightSet(v < 0 ? undefined : levels[v]?.height);
              }}
            >
              <option value={-1}>{t('auto')}</option>
              {levels.map((l) => (
                <option key={l.index} value={l.index}>
                  {t('height', { height: String(l.height) })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
