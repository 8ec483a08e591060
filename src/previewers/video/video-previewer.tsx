import { displayName } from '../../i18n/display-name';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FileMetadata } from '../../api/protocol/types';
import type { PreviewerProps, PreviewSource, VideoRendition } from '../source';
import { SubtitleMenu } from '../subtitles/subtitle-menu';
import { PipButton, SpeedSelect } from './playback-tools';
import { HlsVideo, loadHls } from './hls-video';
import { isRefererRefusal } from '../refusal';
import { useResume, videoKeyDown } from './video-controls';
import { pickVariant, preferredHeight, preferredHeightSet } from './video-quality';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import player from '../../locales/en/player';
import './video.css';
import { Button } from '../../ui/button';

/**
 * A video file: HLS (hls.js) first where the source has it; where it refuses HLS, has none (public
 * links) or the browser cannot play it, the progressive renditions; where pCloud refuses to stream
 * at all (7010 and others), an explanation and the download button instead of a broken player.
 */
export default function VideoPreviewer({ file, source }: PreviewerProps) {
  const t = useT(player);
  const hls = source.useHlsUrl(file);
  const [hlsFailed, setHlsFailed] = useState<string | null>(null);
  const useProgressive = hls.error != null || hlsFailed !== null;
  const progressive = source.useVideoRenditions(file, useProgressive);
  const onDownload = () => source.download(file);
  const onUnplayable = useCallback((reason: string) => setHlsFailed(reason), []);
  const resumeKey = `pcloud.resume.${file.fileid}`;
  // the frame's shape is known from the listing: the box has its final size before the first frame
  // (16:9 when the listing does not say, e.g. some public links: the picture is letterboxed in it),
  // and pCloud's thumbnail shows in it until the video has its own — nothing moves under the pointer
  const aspect = file.width && file.height ? `${file.rotate === 90 || file.rotate === 270 ? `${file.height} / ${file.width}` : `${file.width} / ${file.height}`}` : '16 / 9';
  const poster = source.useThumbUrl(file.thumb ? file : undefined, POSTER_SIZE).data;
  const hasHls = source.hasHls;
  const tools = useCallback((video: RefObject<HTMLVideoElement | null>) => <PlaybackTools video={video} file={file} source={source} />, [file, source]);
  useEffect(() => {
    // fetch the player code while the HLS link is still on its way
    if (hasHls) void loadHls().catch(() => undefined);
  }, [hasHls]);

  // getvideolinks only runs after HLS failed, so its answer decides what is shown
  if (useProgressive && progressive.error) {
    const cause = isRefererRefusal(progressive.error) || !hls.error || !hasHls ? progressive.error : hls.error;
    return <StreamRefused message={source.describeError(cause)} onDownload={onDownload} />;
  }
  if (hls.data && hlsFailed === null) return <HlsVideo src={hls.data} resumeKey={resumeKey} label={displayName(file.name)} aspect={aspect} poster={poster} onUnplayable={onUnplayable} tools={tools} />;
  if (progressive.data) {
    return <ProgressiveVideo file={file} variants={progressive.data} resumeKey={resumeKey} aspect={aspect} poster={poster} onDownload={onDownload} tools={tools} />;
  }
  // the player's box, at the player's size, while its stream link is on its way
  return (
    <div className="video-box">
      <div
        className="viewer-video video-waiting"
        role="status"
        aria-label={t('loadingVideo')}
        style={{ aspectRatio: aspect, ...(poster ? { backgroundImage: `url("${poster}")` } : {}) }}
      />
    </div>
  );
}

/** Within getthumblink's and getpubthumb's limits (sides divisible by 4, at most 2048×1024); pCloud keeps the shape. */
const POSTER_SIZE = '1280x720';

/** Subtitles, speed and picture-in-picture: the same under either player. */
function PlaybackTools({ video, file, source }: { video: RefObject<HTMLVideoElement | null>; file: FileMetadata; source: PreviewSource }) {
  return (
    <>
      <SubtitleMenu video={video} file={file} source={source} />
      <SpeedSelect media={video} />
      <PipButton video={video} />
    </>
  );
}

function StreamRefused({ message, onDownload }: { message: string; onDownload: () => void }) {
  const c = useT(common);
  return (
    <div className="stream-refused">
      <p role="alert">{message}</p>
      <Button variant="primary" onClick={onDownload}>
        {c('download')}
      </Button>
    </div>
  );
}

/** The progressive renditions' MP4 variants in a plain <video>; switching quality keeps the position. */
function ProgressiveVideo({ file, variants, resumeKey, aspect, poster, onDownload, tools }: { file: FileMetadata; variants: readonly VideoRendition[]; resumeKey: string; aspect?: string; poster?: string; onDownload: () => void; tools: (video: RefObject<HTMLVideoElement | null>) => ReactNode }) {
  const ref = useRef<HTMLVideoElement>(null);
  const canPlayOriginal = useMemo(() => document.createElement('video').canPlayType(file.contenttype) !== '', [file.contenttype]);
  const [chosen, setChosen] = useState(() => pickVariant(variants, canPlayOriginal, preferredHeight()));
  const [broken, setBroken] = useState(false);
  const t = useT(player);
  const variant = variants[chosen];
  const src = variant?.url;
  useResume(ref, resumeKey, src);

  if (!variant || broken) {
    return <StreamRefused message={t('videoUnplayable')} onDownload={onDownload} />;
  }
  return (
    <div className="video-box" onKeyDown={(e) => videoKeyDown(e, ref.current)}>
      <video
        ref={ref}
        key={src}
        className="viewer-video"
        controls
        autoPlay
        playsInline
        src={src}
        poster={poster}
        aria-label={displayName(file.name)}
        data-stream="progressive"
        style={aspect ? { aspectRatio: aspect } : undefined}
        onError={() => {
          // the chosen variant does not decode here: try another before giving up
          const other = variants.findIndex((v, i) => i !== chosen && !v.isoriginal);
          if (other >= 0 && variants[chosen].isoriginal) setChosen(other);
          else setBroken(true);
        }}
      />
      <div className="video-tools">
        {tools(ref)}
        {variants.length > 1 && (
          <label className="quality">
            {t('quality')}{' '}
            <select
              value={chosen}
              onChange={(e) => {
                const i = Number(e.target.value);
                const at = ref.current?.currentTime ?? 0;
                // useResume picks the position up from storage when the new source loads
                try {
                  localStorage.setItem(resumeKey, String(Math.floor(at)));
                } catch {
                  /* no resume */
                }
                setChosen(i);
                preferredHeightSet(variants[i].height);
              }}
            >
              {variants.map((v, i) => (
                <option key={i} value={i}>
                  {t(v.isoriginal ? 'heightOriginal' : 'height', { height: String(v.height) })}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="video-note">{t('withoutHls')}</p>
      </div>
    </div>
  );
}
