import { useEffect, useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DialogProps } from '../../stores/dialogs';
import type { RemoteDownloadFile } from '../../api/types';
import { PcloudError } from '../../api/errors';
import { Dialog } from '../../ui/dialog';
import { formatBytes } from '../../lib/format';
import { remoteUploadFinished, remoteUploadProgressOptions, useRemoteUpload } from '../../queries/upload';
import './upload.css';

/** The links of the text, one per line, or the first line that is not a web link. */
export function parseLinks(text: string): { urls: string[] } | { error: string } {
  const urls: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    let url: URL | null;
    try {
      url = new URL(line);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return { error: `Line ${n + 1} is not a web link (it must start with http:// or https://): ${line}` };
    }
    urls.push(url.href);
  }
  return urls.length ? { urls } : { error: 'Paste at least one link, one per line.' };
}

function startMessage(err: unknown): string {
  if (err instanceof PcloudError) {
    if (err.kind === 'quota') return 'Not enough space left in your pCloud for these files.';
    if (err.code === 2003) return 'You cannot add files to this folder.';
    if (err.code === 2005) return 'This folder no longer exists.';
    return `pCloud refused the links: ${err.message}`;
  }
  return 'Could not reach pCloud. Check your connection and try again.';
}

function newProgressHash(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function FileLine({ f }: { f: RemoteDownloadFile & { error?: string } }) {
  const got = f.downloaded ?? 0;
  let state: string;
  if (f.status === 'ready') state = `Saved as ${f.metadata?.name ?? 'a file'}${f.size ? ` (${formatBytes(f.size)})` : ''}`;
  else if (f.status === 'error') state = `Could not be fetched${f.error ? `: ${f.error}` : '. Check that the link opens in a browser and is public.'}`;
  else if (f.status === 'downloading') state = f.size ? `Fetching: ${formatBytes(got)} of ${formatBytes(f.size)}` : `Fetching: ${formatBytes(got)}`;
  else state = 'Waiting';
  return (
    <li>
      <span className="remote-url" dir="auto" title={f.url}>
        {f.url}
      </span>
      <progress
        aria-label={`${f.url} progress`}
        max={f.size || 1}
        value={f.status === 'ready' ? f.size || 1 : f.status === 'error' ? 0 : f.size ? Math.min(got, f.size) : undefined}
      />
      <span className={f.status === 'error' ? 'error' : 'muted'}>{state}</span>
    </li>
  );
}

/** "Upload from a link": pCloud fetches the files itself (downloadfileasync), progress by uploadprogress. */
export default function RemoteUploadDialog({ folder, onClose }: DialogProps) {
  const folderid = folder?.folderid ?? 0;
  const where = folder && folder.folderid !== 0 ? folder.name : 'My pCloud';
  const qc = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<{ hash: string; urls: string[] } | null>(null);
  const start = useRemoteUpload();
  const progress = useQuery({ ...remoteUploadProgressOptions(job?.hash ?? ''), enabled: job !== null });
  const finished = progress.data?.finished === true;
  useEffect(() => {
    if (finished) void remoteUploadFinished(qc, folderid);
  }, [finished, qc, folderid]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseLinks(text);
    if ('error' in parsed) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    const hash = newProgressHash();
    start.mutate(
      { folderid, url: parsed.urls, progresshash: hash },
      { onSuccess: () => setJob({ hash, urls: parsed.urls }), onError: (err) => setProblem(startMessage(err)) },
    );
  };

  const files = (progress.data?.files ?? []) as (RemoteDownloadFile & { error?: string })[];
  const ready = files.filter((f) => f.status === 'ready').length;
  const failed = files.filter((f) => f.status === 'error').length;
  const summary = !job
    ? ''
    : finished
      ? failed
        ? `${ready} of ${job.urls.length} saved; ${failed} could not be fetched`
        : `${ready} of ${job.urls.length} saved to ${where}`
      : `pCloud is fetching ${job.urls.length === 1 ? 'the file' : `${job.urls.length} files`}…`;

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Upload from a link" description={`pCloud downloads the files itself and saves them in “${where}”.`} wide>
      {!job ? (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={fieldId}>Links, one per line</label>
            <textarea
              id={fieldId}
              className="remote-urls"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="https://example.com/photo.jpg"
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${fieldId}-err` : undefined}
              spellCheck={false}
              autoFocus
            />
            {problem && (
              <p id={`${fieldId}-err`} className="field-error" role="alert">
                {problem}
              </p>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Upload'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p role="status" aria-live="polite">
            {summary}
          </p>
          {progress.isError && !progress.data && <p className="field-error">The progress could not be read; the files still appear in the folder when they are ready.</p>}
          <ul className="remote-list">
            {(files.length ? files : job.urls.map((url) => ({ url, status: 'waiting' as const }))).map((f, n) => (
              <FileLine key={`${n}-${f.url}`} f={f} />
            ))}
          </ul>
          {!finished && <p className="muted">You can close this window: pCloud goes on fetching and the files appear in the folder.</p>}
          <div className="dialog-actions">
            <button type="button" className="btn primary" onClick={onClose}>
              {finished ? 'Done' : 'Close'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
