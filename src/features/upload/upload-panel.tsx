import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { finishedCleared, uploadsMinimizedToggled, uploadsPersisted, useUploadItems, useUploadsMinimized, type UploadItem } from '../../stores/uploads';
import { useSession } from '../../stores/session';
import { formatBytes } from '../../lib/format';
import {
  cancelAll, cancelUpload, fileChosenAgain, pauseAll, pauseUpload, resumeAll, resumeUpload, retryFailed, retryUpload, setUploadQueryClient,
} from './runner';
import './upload.css';

const LABEL: Record<UploadItem['status'], string> = {
  waiting: 'Waiting', uploading: 'Uploading', paused: 'Paused', interrupted: 'Interrupted', done: 'Done', failed: 'Failed', cancelled: 'Cancelled', skipped: 'Skipped',
};

function duration(s: number): string {
  if (!Number.isFinite(s) || s <= 0) return '';
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.ceil(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// one row; memoised so progress on one file does not re-render a thousand others
const UploadRow = memo(function UploadRow({ i, choose }: { i: UploadItem; choose: (id: number) => void }) {
  const shown = i.status === 'done' ? i.size : i.loaded;
  return (
    <li className={`upload-item ${i.status}`}>
      <div className="upload-name" dir="auto" title={i.dir ? `${i.dir}/${i.name}` : i.name}>
        {i.dir ? <span className="muted">{i.dir}/</span> : null}
        {i.name}
      </div>
      <progress max={i.size || 1} value={shown} aria-label={`${i.name} progress`} />
      <div className="upload-meta">
        <span className="upload-state">
          {LABEL[i.status]}
          {i.status === 'interrupted' && !i.error ? `: choose the file again to continue (${formatBytes(i.loaded)} of ${formatBytes(i.size)} sent)` : ''}
          {(i.status === 'paused' || i.status === 'uploading') && i.size > 0 ? ` · ${Math.floor((shown / i.size) * 100)}%` : ''}
          {i.error ? `: ${i.error}` : ''}
        </span>
        <span className="upload-buttons">
          {i.status === 'uploading' && (
            <button className="btn link" onClick={() => pauseUpload(i.id)} aria-label={`Pause ${i.name}`}>
              Pause
            </button>
          )}
          {i.status === 'paused' && (
            <button className="btn link" onClick={() => resumeUpload(i.id)} aria-label={`Resume ${i.name}`}>
              Resume
            </button>
          )}
          {i.status === 'interrupted' && (
            <button className="btn link" onClick={() => choose(i.id)} aria-label={`Choose ${i.name} again`}>
              Choose file…
            </button>
          )}
          {(i.status === 'failed' || i.status === 'cancelled') && i.file && (
            <button className="btn link" onClick={() => retryUpload(i.id)} aria-label={`Retry ${i.name}`}>
              Retry
            </button>
          )}
          {(i.status === 'uploading' || i.status === 'waiting' || i.status === 'paused' || i.status === 'interrupted') && (
            <button className="btn link" onClick={() => cancelUpload(i.id)} aria-label={`Cancel ${i.name}`}>
              Cancel
            </button>
          )}
        </span>
      </div>
      {i.note && <div className="upload-note">{i.note}</div>}
    </li>
  );
});

/** The upload queue: stays with the user across views and reloads, can be minimised, never loses items on errors. */
export function UploadPanel() {
  // a thousand small files change the queue thousands of times: render when the browser has time
  const items = useDeferredValue(useUploadItems());
  const minimized = useUploadsMinimized();
  const session = useSession();
  const qc = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const choosing = useRef<number | null>(null);
  useEffect(() => setUploadQueryClient(qc), [qc]);
  const userid = session?.userid;
  useEffect(() => (userid == null ? undefined : uploadsPersisted(userid)), [userid]);

  const active = items.filter((i) => i.status !== 'skipped' && i.status !== 'cancelled');
  const total = active.reduce((n, i) => n + i.size, 0);
  const loaded = active.reduce((n, i) => n + (i.status === 'done' ? i.size : i.loaded), 0);
  const speed = useSpeed(loaded);
  if (!items.length) return null;
  const count = (s: UploadItem['status']) => items.filter((i) => i.status === s).length;
  const busy = count('uploading') + count('waiting');
  const paused = count('paused');
  const interrupted = count('interrupted');
  const failed = count('failed');
  const done = count('done');
  const title = busy
    ? `Uploading ${plural(busy, 'file')}`
    : interrupted
      ? `${plural(interrupted, 'upload')} interrupted`
      : paused
        ? `${plural(paused, 'upload')} paused`
        : failed
          ? `${plural(failed, 'upload')} failed`
          : `${plural(done, 'upload')} complete`;
  const choose = (id: number) => {
    choosing.current = id;
    picker.current?.click();
  };
  const chosen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file && choosing.current !== null) fileChosenAgain(choosing.current, file);
    choosing.current = null;
  };
  return (
    <section className={`upload-panel ${minimized ? 'min' : ''}`} aria-label="Uploads">
      <header className="upload-head">
        <strong role="status" aria-live="polite">
          {title}
        </strong>
        <button className="btn icon" onClick={uploadsMinimizedToggled} aria-expanded={!minimized} aria-label={minimized ? 'Show uploads' : 'Minimise uploads'}>
          {minimized ? '▴' : '▾'}
        </button>
      </header>
      <div className="upload-total">
        <progress max={total || 1} value={loaded} aria-label="Total upload progress" />
        <span className="muted">
          {formatBytes(loaded)} of {formatBytes(total)}
          {busy > 0 && speed > 0 && ` · ${formatBytes(speed)}/s · ${duration((total - loaded) / speed)} left`}
        </span>
      </div>
      <input ref={picker} type="file" hidden onChange={chosen} aria-label="Choose the interrupted file again" data-testid="upload-again" />
      {!minimized && (
        <>
          {interrupted > 0 && (
            <p className="upload-notice">
              The page was reloaded during {interrupted === 1 ? 'an upload' : 'some uploads'}. Choose the same file again and it goes on from where it
              stopped.
            </p>
          )}
          <ul className="upload-list">
            {items.map((i) => (
              <UploadRow key={i.id} i={i} choose={choose} />
            ))}
          </ul>
          <footer className="upload-actions">
            {busy > 0 && (
              <button className="btn" onClick={pauseAll}>
                Pause all
              </button>
            )}
            {paused > 0 && (
              <button className="btn" onClick={resumeAll}>
                Resume all
              </button>
            )}
            {busy + paused + interrupted > 0 && (
              <button className="btn" onClick={cancelAll}>
                Cancel all
              </button>
            )}
            {failed > 0 && (
              <button className="btn" onClick={retryFailed}>
                Retry failed
              </button>
            )}
            <button className="btn" onClick={finishedCleared}>
              Clear finished
            </button>
          </footer>
        </>
      )}
    </section>
  );
}
