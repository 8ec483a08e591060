import { displayName } from '../i18n/display-name';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { finishedCleared, uploadsMinimizedToggled, useUploadItems, useUploadsMinimized, type UploadItem } from '../stores/uploads';
import { formatBytes } from '../lib/format';
import type { UploadEngine } from './engine';
import { useSessionUploads } from './session-uploads';
import { useT, type Translate } from '../i18n';
import common from '../locales/en/common';
import upload from '../locales/en/upload';
import './upload.css';
import { Button } from '../ui/button';

type T = Translate<typeof upload.messages>;

/** Time left, rounded up, in the largest unit that fits. */
function duration(s: number, t: T, hours: Intl.NumberFormat): string {
  if (!Number.isFinite(s) || s <= 0) return '';
  if (s < 60) return t('seconds', { n: Math.ceil(s) });
  if (s < 3600) return t('minutes', { n: Math.ceil(s / 60) });
  return t('hours', { n: hours.format(s / 3600) });
}

/** Speed over the last few seconds of the whole queue (bytes/s). */
function useSpeed(loaded: number): number {
  const [samples, setSamples] = useState<{ t: number; b: number }[]>([]);
  useEffect(() => {
    const t = Date.now();
    setSamples((s) => [...s.filter((x) => t - x.t < 5000 && x.b <= loaded), { t, b: loaded }]);
  }, [loaded]);
  if (samples.length < 2) return 0;
  const a = samples[0];
  const b = samples[samples.length - 1];
  return b.t > a.t ? ((b.b - a.b) * 1000) / (b.t - a.t) : 0;
}

// one row; memoised so progress on one file does not re-render a thousand others
const UploadRow = memo(function UploadRow({ i, engine, choose, t, c }: { i: UploadItem; engine: UploadEngine | undefined; choose: (id: number) => void; t: T; c: Translate<typeof common.messages> }) {
  const shown = i.status === 'done' ? i.size : i.loaded;
  let state = t(i.status);
  if (i.status === 'interrupted' && !i.error) state = t('interruptedHint', { sent: formatBytes(i.loaded), size: formatBytes(i.size) });
  else if ((i.status === 'paused' || i.status === 'uploading') && i.size > 0) state = t('statePercent', { state, percent: Math.floor((shown / i.size) * 100) });
  if (i.error) state = t('stateError', { state, error: i.error });
  // one button for the row's main action, so focus stays on it when Pause turns into Resume
  const main =
    i.status === 'uploading'
      ? { label: t('pauseFile', { name: i.name }), text: t('pause'), run: () => engine?.pause(i.id) }
      : i.status === 'paused'
        ? { label: t('resumeFile', { name: i.name }), text: t('resume'), run: () => engine?.resume(i.id) }
        : i.status === 'interrupted'
          ? { label: t('chooseAgainFile', { name: i.name }), text: t('chooseAgain'), run: () => choose(i.id) }
          : (i.status === 'failed' || i.status === 'cancelled') && i.file
            ? { label: t('retryFile', { name: i.name }), text: c('retry'), run: () => engine?.retry(i.id) }
            : null;
  return (
    <li className={`upload-item ${i.status}`}>
      <div className="upload-name" dir="auto" title={displayName(i.dir ? `${i.dir}/${i.name}` : i.name)}>
        {i.dir ? <span className="muted">{displayName(i.dir)}/</span> : null}
        {displayName(i.name)}
      </div>
      <progress max={i.size || 1} value={shown} aria-label={t('progressOf', { name: i.name })} />
      <div className="upload-meta">
        <span className="upload-state">{state}</span>
        <span className="upload-buttons">
          {main && (
            <Button variant="ghost" onClick={main.run} aria-label={main.label}>
              {main.text}
            </Button>
          )}
          {(i.status === 'uploading' || i.status === 'waiting' || i.status === 'paused' || i.status === 'interrupted') && (
            <Button variant="ghost" onClick={() => engine?.cancel(i.id)} aria-label={t('cancelFile', { name: i.name })}>
              {c('cancel')}
            </Button>
          )}
        </span>
      </div>
      {i.note && <div className="upload-note">{i.note}</div>}
    </li>
  );
});

const ANNOUNCE_EVERY_MS = 1500;

/**
 * What the screen reader hears: files that finished or failed since the last announcement and the
 * queue's state, at most every 1.5 s (a thousand small files must not become a thousand sentences).
 */
function useAnnouncement(items: readonly UploadItem[], title: string, t: T): string {
  const [message, setMessage] = useState('');
  const seen = useRef<Map<number, UploadItem['status']> | null>(null);
  const pending = useRef<{ done: string[]; failed: { name: string; error: string }[] }>({ done: [], failed: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ title, t });
  useEffect(() => {
    latest.current = { title, t };
  });
  useEffect(() => {
    const before = seen.current;
    seen.current = new Map(items.map((i) => [i.id, i.status]));
    if (!before) return; // what was there when the panel appeared (after a reload) is not news
    for (const i of items) {
      const was = before.get(i.id);
      if (was === i.status) continue;
      if (i.status === 'done') pending.current.done.push(i.name);
      else if (i.status === 'failed') pending.current.failed.push({ name: i.name, error: i.error ?? '' });
    }
    const { done, failed } = pending.current;
    if ((!done.length && !failed.length) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const { title: now, t: tt } = latest.current;
      const { done: d, failed: f } = pending.current;
      pending.current = { done: [], failed: [] };
      const parts: string[] = [];
      if (d.length === 1) parts.push(tt('announceDone', { name: d[0] }));
      else if (d.length > 1) parts.push(tt('announceDoneCount', { count: d.length }));
      if (f.length === 1) parts.push(tt('announceFailed', { name: f[0].name, error: f[0].error }));
      else if (f.length > 1) parts.push(tt('announceFailedCount', { count: f.length }));
      parts.push(now);
      setMessage(parts.join(' '));
    }, ANNOUNCE_EVERY_MS);
  }, [items]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return message;
}

/** The upload queue: stays with the user across views and reloads, can be minimised, never loses items on errors. */
export function UploadPanel() {
  // a thousand small files change the queue thousands of times: render when the browser has time
  const items = useDeferredValue(useUploadItems());
  const minimized = useUploadsMinimized();
  const uploads = useSessionUploads();
  const engine = uploads?.engine;
  const picker = useRef<HTMLInputElement>(null);
  const choosing = useRef<number | null>(null);

  const active = items.filter((i) => i.status !== 'skipped' && i.status !== 'cancelled');
  const total = active.reduce((n, i) => n + i.size, 0);
  const loaded = active.reduce((n, i) => n + (i.status === 'done' ? i.size : i.loaded), 0);
  const speed = useSpeed(loaded);
  const t = useT(upload);
  const c = useT(common);
  const hours = useMemo(() => new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), [t.locale]);
  const count = (s: UploadItem['status']) => items.filter((i) => i.status === s).length;
  const busy = count('uploading') + count('waiting');
  const paused = count('paused');
  const interrupted = count('interrupted');
  const failed = count('failed');
  const done = count('done');
  const title = busy
    ? t('titleUploading', { count: busy })
    : interrupted
      ? t('titleInterrupted', { count: interrupted })
      : paused
        ? t('titlePaused', { count: paused })
        : failed
          ? t('titleFailed', { count: failed })
          : t('titleComplete', { count: done });
  const announcement = useAnnouncement(items, title, t);
  // when everything has finished the panel shrinks to a chip (it covered the list for nothing);
  // opening it again keeps it open until the next upload starts
  const finished = busy + paused + interrupted + failed === 0;
  const [reopened, setReopened] = useState(false);
  useEffect(() => {
    if (!finished) setReopened(false);
  }, [finished]);
  if (!items.length) return null;
  const live = (
    <p className="sr-only" aria-live="polite" aria-atomic="true">
      {announcement}
    </p>
  );
  if (finished && !reopened) {
    return (
      <section className="upload-panel upload-chip" aria-label={t('uploads')}>
        <span className="upload-chip-done" aria-hidden="true">
          ✓
        </span>
        <strong role="status" aria-live="off">
          {title}
        </strong>
        {live}
        <Button variant="ghost" onClick={() => setReopened(true)}>
          {t('showUploads')}
        </Button>
        <Button square onClick={finishedCleared} aria-label={t('clearFinished')} title={t('clearFinished')}>
          <span aria-hidden="true">×</span>
        </Button>
      </section>
    );
  }
  const choose = (id: number) => {
    choosing.current = id;
    picker.current?.click();
  };
  const chosen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file && choosing.current !== null) uploads?.fileChosenAgain(choosing.current, file);
    choosing.current = null;
  };
  return (
    <section className={`upload-panel ${minimized ? 'min' : ''}`} aria-label={t('uploads')}>
      <header className="upload-head">
        {/* the queue's state at a glance; screen readers hear the throttled announcement below instead of every count */}
        <strong role="status" aria-live="off">
          {title}
        </strong>
        <Button square onClick={uploadsMinimizedToggled} aria-expanded={!minimized} aria-label={minimized ? t('showUploads') : t('minimiseUploads')}>
          <span aria-hidden="true">{minimized ? '▴' : '▾'}</span>
        </Button>
      </header>
      {live}
      <div className="upload-total">
        <progress max={total || 1} value={loaded} aria-label={t('totalProgress')} />
        <span className="muted">
          {busy > 0 && speed > 0
            ? t('totalWithSpeed', { loaded: formatBytes(loaded), total: formatBytes(total), speed: formatBytes(speed), left: duration((total - loaded) / speed, t, hours) })
            : t('totalText', { loaded: formatBytes(loaded), total: formatBytes(total) })}
        </span>
      </div>
      <input ref={picker} type="file" hidden onChange={chosen} aria-label={t('chooseAgainInput')} data-testid="upload-again" />
      {!minimized && (
        <>
          {interrupted > 0 && <p className="upload-notice">{t('reloadedNotice', { count: interrupted })}</p>}
          <ul className="upload-list">
            {items.map((i) => (
              <UploadRow key={i.id} i={i} engine={engine} choose={choose} t={t} c={c} />
            ))}
          </ul>
          <footer className="upload-actions">
            {busy > 0 && (
              <Button onClick={() => engine?.pauseAll()}>
                {t('pauseAll')}
              </Button>
            )}
            {paused > 0 && (
              <Button onClick={() => engine?.resumeAll()}>
                {t('resumeAll')}
              </Button>
            )}
            {busy + paused + interrupted > 0 && (
              <Button onClick={() => engine?.cancelAll()}>
                {t('cancelAll')}
              </Button>
            )}
            {failed > 0 && (
              <Button onClick={() => engine?.retryFailed()}>
                {t('retryFailed')}
              </Button>
            )}
            <Button onClick={finishedCleared}>
              {t('clearFinished')}
            </Button>
          </footer>
        </>
      )}
    </section>
  );
}
