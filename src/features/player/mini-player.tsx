import { displayName } from '../../i18n/display-name';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { contentUrl } from '../../api/client';
import { isAuthError } from '../../queries/query-client';
import { thumbLinkOptions } from '../../queries/thumbnails';
import {
  currentTrack, getPlayer, muteToggled, nextTrack, playerClosed, playingSet, playToggled, positionSaved, previousTrack, repeatCycled,
  shuffleToggled, trackEnded, usePlayer, volumeSet,
} from '../../stores/player';
import { useSession, getSession } from '../../stores/session';
import { Icon, ItemIcon } from '../../ui/icons';
import { resolveAudio, type AudioSource } from './audio-source';
import { mediaPositionUpdated, useMediaSession } from './media-session';
import { streamRefusal } from '../../previewers/refusal';
import { QueuePanel } from './queue-panel';
import { formatClock, spokenClock, trackArtist, trackTitle } from './track';
import { useT } from '../../i18n';
import player from '../../locales/en/player';
import './player.css';
import { Button } from '../../ui/button';

// the speed menu is shared with the previewers; lazy, so the first route does not carry it
const SpeedSelect = lazy(() => import('../../previewers/video/playback-tools').then((m) => ({ default: m.SpeedSelect })));

const SAVE_EVERY_MS = 2000;

/**
 * The persistent audio player: a bar under every signed-in page that keeps playing while the user
 * browses. It plays the queue in stores/player.ts; anything hands it tracks with playQueue().
 */
export function MiniPlayer() {
  const track = usePlayer(currentTrack);
  const restarts = usePlayer((s) => s.restarts);
  const playing = usePlayer((s) => s.playing);
  const shuffle = usePlayer((s) => s.shuffle);
  const repeat = usePlayer((s) => s.repeat);
  const volume = usePlayer((s) => s.volume);
  const muted = usePlayer((s) => s.muted);
  const owner = usePlayer((s) => s.owner);
  const queueLength = usePlayer((s) => s.queue.length);
  const session = useSession();
  const qc = useQueryClient();
  const t = useT(player);

  const audioRef = useRef<HTMLAudioElement>(null);
  const source = useRef<AudioSource | null>(null);
  const pendingSeek = useRef(0);
  const retried = useRef(false);
  const lastSave = useRef(0);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(Number.NaN);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [queueOpen, setQueueOpen] = useState(false);
  const getAudio = useCallback(() => audioRef.current, []);

  // a queue left behind by another account on this browser is not ours to show
  useEffect(() => {
    if (session && owner != null && session.userid != null && owner !== session.userid) playerClosed();
  }, [session, owner]);

  const start = useCallback((a: HTMLAudioElement) => {
    void a.play().catch((err: unknown) => {
      // autoplay refused (no user gesture yet): show the play button instead of pretending
      if (err instanceof DOMException && err.name === 'NotAllowedError') playingSet(false);
    });
  }, []);

  /** Point the element at a (re)resolved link and continue at `at` seconds. */
  const load = useCallback(
    async (fresh: boolean, at: number) => {
      const a = audioRef.current;
      const wanted = currentTrack();
      if (!a || !wanted) return;
      setLoading(true);
      try {
        const src = await resolveAudio(qc, wanted, fresh);
        if (currentTrack()?.fileid !== wanted.fileid || audioRef.current !== a) return;
        source.current = src;
        pendingSeek.current = at;
        // a fresh link may read the same as the failed one (same second): load it again regardless
        if (fresh || a.src !== src.url) a.src = src.url;
        else if (a.readyState >= 1) {
          a.currentTime = at;
          pendingSeek.current = 0;
        }
        setError(null);
        if (getPlayer().playing) start(a);
      } catch (err) {
        if (currentTrack()?.fileid !== wanted.fileid) return;
        if (isAuthError(err)) return; // the session handler takes the user to sign-in
        setError(streamRefusal(err));
        playingSet(false);
      } finally {
        setLoading(false);
      }
    },
    [qc, start],
  );

  // a new track, or the same one from the start again (repeat one, previous on the first track)
  const fileid = track?.fileid;
  useEffect(() => {
    if (fileid === undefined) return;
    retried.current = false;
    setError(null);
    const at = getPlayer().position;
    setTime(at);
    setDuration(Number.NaN);
    void load(false, at);
  }, [fileid, restarts, load]);

  // play / pause requested through the store (buttons, media keys, other views)
  useEffect(() => {
    const a = audioRef.current;
    if (!a || !source.current) return;
    if (playing && a.paused) {
      // a link that expired while paused: get a new one, then carry on where we were
      if (Date.now() >= source.current.expires) void load(true, a.currentTime);
      else start(a);
    } else if (!playing && !a.paused) a.pause();
  }, [playing, load, start]);

  useEffect(() => {
    const a = audioRef.current;
    if (!a) return;
    a.volume = volume;
    a.muted = muted;
  }, [volume, muted, track]);

  // a reload or a closed tab keeps the exact second, not the last periodic save
  useEffect(() => {
    const save = () => {
      const a = audioRef.current;
      if (a && a.currentSrc && a.readyState > 0) positionSaved(a.currentTime);
    };
    window.addEventListener('pagehide', save);
    return () => window.removeEventListener('pagehide', save);
  }, []);

  useMediaSession(track, useArt(track), getAudio);

  if (!track) return null;

  const onTime = (a: HTMLAudioElement) => {
    setTime(a.currentTime);
    const now = Date.now();
    if (now - lastSave.current > SAVE_EVERY_MS) {
      lastSave.current = now;
      positionSaved(a.currentTime);
      mediaPositionUpdated(a, !a.paused);
    }
  };

  const onError = (a: HTMLAudioElement) => {
    if (!a.getAttribute('src')) return;
    // an expired or IP-changed link answers 4xx: ask for a new one once, then give up with a message
    if (!retried.current) {
      retried.current = true;
      void load(true, a.currentTime || pendingSeek.current);
      return;
    }
    setError(t('trackUnplayable'));
    playingSet(false);
  };

  const seek = (to: number) => {
    const a = audioRef.current;
    if (!a || !Number.isFinite(to)) return;
    a.currentTime = to;
    setTime(to);
    positionSaved(to);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== ' ' && e.key !== 'k') return;
    const el = e.target as HTMLElement;
    // buttons and text fields keep their own meaning of space
    if (el.closest('button, select, textarea, input:not([type=range])')) return;
    e.preventDefault();
    playToggled();
  };

  const previous = () => {
    const a = audioRef.current;
    // like every music player: a few seconds in, "previous" means "from the start"
    if (a && a.currentTime > 3) seek(0);
    else previousTrack();
  };

  const title = trackTitle(track);
  const artist = trackArtist(track);
  const max = Number.isFinite(duration) ? duration : Number(track.duration) || 0;
  const repeatLabel = t(repeat === 'off' ? 'repeatOff' : repeat === 'all' ? 'repeatAll' : 'repeatOne');

  return (
    <section className="mini-player" aria-label={t('audioPlayer')} onKeyDown={onKeyDown}>
      <audio
        ref={audioRef}
        preload="auto"
        onLoadedMetadata={(e) => {
          const a = e.currentTarget;
          setDuration(a.duration);
          if (pendingSeek.current > 0 && pendingSeek.current < a.duration) a.currentTime = pendingSeek.current;
          pendingSeek.current = 0;
          mediaPositionUpdated(a, !a.paused);
        }}
        onDurationChange={(e) => setDuration(e.currentTarget.duration)}
        onTimeUpdate={(e) => onTime(e.currentTarget)}
        onPlay={() => playingSet(true)}
        onPlaying={(e) => {
          retried.current = false;
          mediaPositionUpdated(e.currentTarget, true);
        }}
        onPause={(e) => {
          const a = e.currentTarget;
          positionSaved(a.currentTime);
          mediaPositionUpdated(a, false);
          // not a pause the user asked for: the end of a track, or a new link being loaded
          if (!a.ended && a.readyState > 0) playingSet(false);
        }}
        onEnded={() => trackEnded()}
        onError={(e) => onError(e.currentTarget)}
      />
      <Art track={track} />
      <div className="mp-info">
        <div className="mp-title" dir="auto" title={displayName(track.name)}>
          {displayName(title)}
        </div>
        <div className="mp-sub muted" dir="auto">
          {error ? (
            <span className="mp-error" role="alert">
              {error}
            </span>
          ) : (
            [artist, track.album].filter(Boolean).join(' · ') || track.name
          )}
        </div>
      </div>
      <div className="mp-controls">
        <Button icon="shuffle" className={`mp-toggle ${shuffle ? 'on' : ''}`} aria-pressed={shuffle} aria-label={t('shuffle')} title={t('shuffle')} onClick={shuffleToggled} />
        <Button icon="prev" aria-label={t('previousTrack')} title={t('previous')} onClick={previous} />
        <Button square className="mp-play" aria-label={playing ? t('pause') : t('play')} title={playing ? t('pauseHint') : t('playHint')} onClick={playToggled} disabled={!!error && !playing}>
          <Icon name={playing ? 'pause' : 'play'} size={20} />
        </Button>
        <Button icon="next" aria-label={t('nextTrack')} title={t('next')} onClick={nextTrack} disabled={queueLength < 2 && repeat !== 'all'} />
        <Button square icon="repeat" className={`mp-toggle ${repeat !== 'off' ? 'on' : ''}`} aria-label={repeatLabel} title={repeatLabel} aria-pressed={repeat !== 'off'} onClick={repeatCycled}>
          {repeat === 'one' && (
            <span className="mp-one" aria-hidden="true">
              1
            </span>
          )}
        </Button>
      </div>
      <div className="mp-seek">
        <span className="mp-time" aria-hidden="true">
          {formatClock(time)}
        </span>
        <input
          type="range"
          aria-label={t('seek')}
          min={0}
          max={max || 0}
          step={1}
          value={Math.min(time, max || 0)}
          aria-valuetext={t('seekValue', { time: spokenClock(time), duration: spokenClock(max) })}
          disabled={!max}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <span className="mp-time" aria-hidden="true">
          {formatClock(max || Number.NaN)}
        </span>
        {loading && (
          <span className="sr-only" role="status">
            {t('loadingTrack', { title })}
          </span>
        )}
      </div>
      <div className="mp-volume">
        <Suspense fallback={null}>
          <SpeedSelect media={audioRef} compact />
        </Suspense>
        <Button square aria-label={t('mute')} aria-pressed={muted} onClick={muteToggled} title={muted ? t('unmute') : t('mute')}>
          <VolumeIcon off={muted || volume === 0} />
        </Button>
        <input
          type="range"
          aria-label={t('volume')}
          min={0}
          max={1}
          step={0.05}
          value={muted ? 0 : volume}
          aria-valuetext={t('volumeValue', { percent: Math.round((muted ? 0 : volume) * 100) })}
          onChange={(e) => volumeSet(Number(e.target.value))}
        />
      </div>
      <div className="mp-end">
        <Button icon="list" className={`mp-toggle ${queueOpen ? 'on' : ''}`} aria-label={t('queue')} title={t('queue')} aria-expanded={queueOpen} aria-controls="mp-queue" onClick={() => setQueueOpen((o) => !o)} />
        <Button
          icon="close"
          aria-label={t('closePlayer')}
          title={t('closePlayer')}
          onClick={() => {
            audioRef.current?.pause();
            playerClosed();
          }}
         />
      </div>
      {queueOpen && <QueuePanel id="mp-queue" onClose={() => setQueueOpen(false)} />}
    </section>
  );
}

/** Album art: the track's own thumbnail, else the folder's cover image handed over with the queue. */
function useArt(track: ReturnType<typeof currentTrack>): string | undefined {
  const cover = usePlayer((s) => s.cover);
  const art = track?.thumb ? track : cover?.thumb ? cover : undefined;
  const link = useQuery({ ...thumbLinkOptions(art?.fileid ?? 0, { size: '256x256' }), enabled: !!art, meta: { persist: false, contentLink: true, silent: true } });
  if (!art || !link.data) return undefined;
  return contentUrl(link.data, getSession()?.apiBase ?? '');
}

function Art({ track }: { track: NonNullable<ReturnType<typeof currentTrack>> }) {
  const url = useArt(track);
  const [broken, setBroken] = useState<string | null>(null);
  return (
    <div className="mp-art" aria-hidden="true">
      {url && broken !== url ? <img src={url} alt="" width={48} height={48} onError={() => setBroken(url)} /> : <ItemIcon item={track} size={28} />}
    </div>
  );
}

function VolumeIcon({ off }: { off: boolean }) {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={off ? 'M4 9h4l5-4v14l-5-4H4zM17 9l5 6M22 9l-5 6' : 'M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12'}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
