import { useEffect, useState } from 'react';
import { finishedCleared, uploadsMinimizedToggled, useUploadItems, useUploadsMinimized, type UploadItem } from '../../stores/uploads';
import { formatBytes } from '../../lib/format';
import { cancelAll, cancelUpload, retryFailed, retryUpload } from './runner';

const LABEL: Record<UploadItem['status'], string> = {
  waiting: 'Waiting', uploading: 'Uploading', done: 'Done', failed: 'Failed', cancelled: 'Cancelled', skipped: 'Skipped',
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
    setSamples((s) => [...s.filter((x) => t - x.t < 5000), { t, b: loaded }]);
  }, [loaded]);
  if (samples.length < 2) return 0;
  const a = samples[0];
  const b = samples[samples.length - 1];
  return b.t > a.t ? ((b.b - a.b) * 1000) / (b.t - a.t) : 0;
}

/** The upload queue: stays with the user across views, can be minimised, never loses items on errors. */
export function UploadPanel() {
  const items = useUploadItems();
  const minimized = useUploadsMinimized();
  const active = items.filter((i) => i.status !== 'skipped' && i.status !== 'cancelled');
  const total = active.reduce((n, i) => n + i.file.size, 0);
  const loaded = active.reduce((n, i) => n + (i.status === 'done' ? i.file.size : i.loaded), 0);
  const speed = useSpeed(loaded);
  if (!items.length) return null;
  const busy = items.filter((i) => i.status === 'uploading' || i.status === 'waiting').length;
  const failed = items.filter((i) => i.status === 'failed').length;
  const done = items.filter((i) => i.status === 'done').length;
  const title = busy ? `Uploading ${busy} file${busy === 1 ? '' : 's'}` : failed ? `${failed} upload${failed === 1 ? '' : 's'} failed` : `${done} upload${done === 1 ? '' : 's'} complete`;
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
      {!minimized && (
        <>
          <ul className="upload-list">
            {items.map((i) => (
              <li key={i.id} className={`upload-item ${i.status}`}>
                <div className="upload-name" dir="auto" title={i.dir ? `${i.dir}/${i.file.name}` : i.file.name}>
                  {i.dir ? <span className="muted">{i.dir}/</span> : null}
                  {i.file.name}
                </div>
                <progress max={i.file.size || 1} value={i.status === 'done' ? i.file.size : i.loaded} aria-label={`${i.file.name} progress`} />
                <div className="upload-meta">
                  <span>{LABEL[i.status]}{i.error ? `: ${i.error}` : ''}</span>
                  {(i.status === 'uploading' || i.status === 'waiting') && (
                    <button className="btn link" onClick={() => cancelUpload(i.id)} aria-label={`Cancel ${i.file.name}`}>
                      Cancel
                    </button>
                  )}
                  {(i.status === 'failed' || i.status === 'cancelled') && (
                    <button className="btn link" onClick={() => retryUpload(i.id)} aria-label={`Retry ${i.file.name}`}>
                      Retry
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <footer className="upload-actions">
            {busy > 0 && (
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
