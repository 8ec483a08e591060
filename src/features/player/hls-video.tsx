import { useEffect, useRef, useState } from 'react';

/**
 * Plays an HLS playlist. hls.js is imported here only, so it lands in its own chunk that loads
 * when a video opens (never on the first page). Native HLS (Safari) is used when available.
 */
export function HlsVideo({ src, fallback, resumeKey, label }: { src: string; fallback?: string; resumeKey: string; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const [levels, setLevels] = useState<{ height: number; index: number }[]>([]);
  const [level, setLevel] = useState(-1);
  const hlsRef = useRef<{ currentLevel: number; destroy(): void } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    let cancelled = false;
    const saved = Number(localStorage.getItem(resumeKey) ?? 0);
    const resume = () => {
      if (saved > 1 && saved < video.duration - 2) video.currentTime = saved;
    };
    video.addEventListener('loadedmetadata', resume, { once: true });
    const save = () => localStorage.setItem(resumeKey, String(Math.floor(video.currentTime)));
    video.addEventListener('timeupdate', save);
    void (async () => {
      const { default: Hls } = await import('hls.js');
      if (cancelled) return;
      if (Hls.isSupported()) {
        const hls = new Hls({ enableWorker: true });
        hlsRef.current = hls;
        hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
          setLevels(data.levels.map((l, index) => ({ height: l.height, index })));
          void video.play().catch(() => undefined);
        });
        hls.on(Hls.Events.ERROR, (_e, data) => {
          if (data.fatal) {
            hls.destroy();
            hlsRef.current = null;
            if (fallback) video.src = fallback;
            else setFailed(true);
          }
        });
        hls.loadSource(src);
        hls.attachMedia(video);
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = src;
      } else if (fallback) {
        video.src = fallback;
      } else setFailed(true);
    })();
    return () => {
      cancelled = true;
      video.removeEventListener('timeupdate', save);
      hlsRef.current?.destroy();
      hlsRef.current = null;
    };
  }, [src, fallback, resumeKey]);

  return (
    <div className="video-box">
      <video ref={ref} controls playsInline aria-label={label} className="viewer-video" />
      {failed && <p className="alert" role="alert">This video cannot be played in this browser.</p>}
      {levels.length > 1 && (
        <label className="quality">
          Quality{' '}
          <select
            value={level}
            onChange={(e) => {
              const v = Number(e.target.value);
              setLevel(v);
              if (hlsRef.current) hlsRef.current.currentLevel = v;
            }}
          >
            <option value={-1}>Auto</option>
            {levels.map((l) => (
              <option key={l.index} value={l.index}>
                {l.height}p
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
