import { useEffect, useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DialogProps } from '../stores/dialogs';
import type { RemoteDownloadFile } from '../api/types';
import { PcloudError } from '../api/errors';
import { Dialog } from '../ui/dialog';
import { formatBytes } from '../lib/format';
import { remoteUploadFinished, remoteUploadProgressOptions, useRemoteUpload } from '../queries/upload';
import { getT, useT, type Translate } from '../i18n';
import { errorMessage } from '../i18n/error-message';
import common from '../locales/en/common';
import upload from '../locales/en/upload';
import './upload.css';
import { DialogActions } from '../ui/dialog-actions';


/** The links of the text, one per line, or the first line that is not a web link. */
export function parseLinks(text: string): { urls: string[] } | { error: string } {
  const t = getT(upload);
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
      return { error: t('notALink', { line: n + 1, text: line }) };
    }
    urls.push(url.href);
  }
  return urls.length ? { urls } : { error: t('noLinks') };
}

type T = Translate<typeof upload.messages>;

function startMessage(err: unknown, t: T): string {
  if (err instanceof PcloudError) {
    if (err.kind === 'quota') return t('remoteNoSpace');
    if (err.code === 2003) return t('noPermission');
    if (err.code === 2005) return t('remoteFolderGone');
    return t('remoteRefused', { error: errorMessage(err) });
  }
  return errorMessage(err);
}

function newProgressHash(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function FileLine({ f, t }: { f: RemoteDownloadFile & { error?: string }; t: T }) {
  const got = f.downloaded ?? 0;
  let state: string;
  if (f.status === 'ready') {
    const name = f.metadata?.name ?? t('aFile');
    state = f.size ? t('savedAsSize', { name, size: formatBytes(f.size) }) : t('savedAs', { name });
  } else if (f.status === 'error') state = f.error ? t('fetchFailedWhy', { error: f.error }) : t('fetchFailed');
  else if (f.status === 'downloading') state = f.size ? t('fetchingOf', { got: formatBytes(got), size: formatBytes(f.size) }) : t('fetching', { got: formatBytes(got) });
  else state = t('waiting');
  return (
    <li>
      <span className="remote-url" dir="auto" title={f.url}>
        {f.url}
      </span>
      <progress
        aria-label={t('progressOf', { name: f.url })}
        max={f.size || 1}
        value={f.status === 'ready' ? f.size || 1 : f.status === 'error' ? 0 : f.size ? Math.min(got, f.size) : undefined}
      />
      <span className={f.status === 'error' ? 'error' : 'muted'}>{state}</span>
    </li>
  );
}

/** "Upload from a link": pCloud fetches the files itself (downloadfileasync), progress by uploadprogress. */
export default function RemoteUploadDialog({ folder, onClose }: DialogProps) {
  const t = useT(upload);
  const c = useT(common);
  const folderid = folder?.folderid ?? 0;
  const where = folder && folder.folderid !== 0 ? folder.name : t('myPcloud');
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
      { onSuccess: () => setJob({ hash, urls: parsed.urls }), onError: (err) => setProblem(startMessage(err, t)) },
    );
  };

  const files = (progress.data?.files ?? []) as (RemoteDownloadFile & { error?: string })[];
  const ready = files.filter((f) => f.status === 'ready').length;
  const failed = files.filter((f) => f.status === 'error').length;
  const summary = !job
    ? ''
    : finished
      ? failed
        ? t('remoteSavedSome', { ready, total: job.urls.length, failed })
        : t('remoteSaved', { ready, total: job.urls.length, folder: where })
      : t('remoteFetching', { count: job.urls.length });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('remoteTitle')} description={t('remoteDescription', { folder: where })} wide>
      {!job ? (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={fieldId}>{t('linksLabel')}</label>
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
          <DialogActions onCancel={onClose} submitLabel={t('upload')} busy={start.isPending} busyLabel={t('starting')} />
        </form>
      ) : (
        <>
          <p role="status" aria-live="polite">
            {summary}
          </p>
          {progress.isError && !progress.data && <p className="field-error">{t('progressUnreadable')}</p>}
          <ul className="remote-list">
            {(files.length ? files : job.urls.map((url) => ({ url, status: 'waiting' as const }))).map((f, n) => (
              <FileLine key={`${n}-${f.url}`} f={f} t={t} />
            ))}
          </ul>
          {!finished && <p className="muted">{t('remoteCloseHint')}</p>}
          <DialogActions submitLabel={finished ? t('done') : c('close')} onSubmit={onClose} />
        </>
      )}
    </Dialog>
  );
}
