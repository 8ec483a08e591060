// `/puplink?code=…`: the anonymous drop page of an upload link. The visitor sees only the owner's
// message, gives their name (pCloud needs it as `names`), and sends files one request each.
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PcloudError } from '../../api/errors';
import { openUploadLinkOptions, uploadToPublicLink, type PublicLink } from '../../queries/public';
import { formatBytes } from '../../lib/format';
import { Icon } from '../../ui/icons';
import { Loading, ProblemPage, PublicFrame } from './frame';
import { publicApiBases } from './hosts';
import { actionError, linkProblem, type LinkProblem } from './problems';
import { addFiles, fileProgress, remove, requeueFailed, summarize, update, type DropItem } from './upload-queue';

/** Codes that mean the link itself refuses more files: stop the run, keep the queue. */
const LINK_STATES = new Set([7001, 7002, 7003, 7004, 7007, 7008]);
const NAME_KEY = 'pcloud.uploader.name';

export default function UploadDropPage() {
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const bases = useMemo(publicApiBases, []);
  const opened = useQuery({ ...openUploadLinkOptions(code, bases), enabled: code !== '' });

  if (code === '') {
    return <ProblemPage problem={{ id: 'unknown', title: 'No upload link in this address', detail: 'An upload link address ends with “?code=” followed by the link’s code. Check that it was copied completely.', retry: false }} />;
  }
  if (opened.error) return <ProblemPage problem={linkProblem(opened.error, 'upload link')} onRetry={() => void opened.refetch()} />;
  if (!opened.data) {
    return (
      <PublicFrame title="Upload files">
        <Loading label="Opening upload link" />
      </PublicFrame>
    );
  }
  return <DropForm link={{ code, apiBase: opened.data.apiBase }} comment={opened.data.info.comment} mail={opened.data.info.mail} />;
}

function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function DropForm({ link, comment, mail }: { link: PublicLink; comment: string; mail: string }) {
  const ids = useId();
  const [name, setName] = useState(rememberedName);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const [queue, setQueueState] = useState<DropItem[]>([]);
  const queueRef = useRef<DropItem[]>([]);
  const setQueue = (change: (q: readonly DropItem[]) => DropItem[]) => {
    queueRef.current = change(queueRef.current);
    setQueueState(queueRef.current);
  };
  const [running, setRunning] = useState(false);
  const [stopped, setStopped] = useState<LinkProblem | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const summary = summarize(queue);

  const take = (files: FileList | null) => {
    if (!files?.length) return;
    setQueue((q) => addFiles(q, Array.from(files)));
  };

  const run = async () => {
    const uploader = name.trim();
    if (!uploader) {
      setNameError('Please enter your name, so the owner knows who sent the files.');
      nameRef.current?.focus();
      return;
    }
    try {
      localStorage.setItem(NAME_KEY, uploader);
    } catch {
      /* not remembered: fine */
    }
    setNameError(null);
    setStopped(null);
    setRunning(true);
    const controller = new AbortController();
    abort.current = controller;
    try {
      for (;;) {
        const item = queueRef.current.find((q) => q.status === 'queued');
        if (!item) break;
        setQueue((q) => update(q, item.id, { status: 'uploading', sent: 0, error: undefined }));
        try {
          await uploadToPublicLink(link, uploader, item.file, {
            signal: controller.signal,
            onProgress: (sent, total) => setQueue((q) => update(q, item.id, { sent: fileProgress(sent, total, item.file.size) })),
          });
          setQueue((q) => update(q, item.id, { status: 'done', sent: item.file.size }));
        } catch (err) {
          if (controller.signal.aborted) {
            setQueue((q) => update(q, item.id, { status: 'queued', sent: 0 }));
            break;
          }
          setQueue((q) => update(q, item.id, { status: 'failed', sent: 0, error: actionError(err) }));
          if (err instanceof PcloudError && LINK_STATES.has(err.code)) {
            setStopped(linkProblem(err, 'upload link'));
            break;
          }
        }
      }
    } finally {
      abort.current = null;
      setRunning(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };

  const finished = !running && summary.total > 0 && summary.waiting === 0;

  return (
    <PublicFrame title="Upload files">
      <div className="drop-page">
        <section className="drop-card" aria-labelledby={`${ids}-title`}>
          <h1 id={`${ids}-title`}>Upload files</h1>
          <p className="muted">Someone asked you to send them files. You will not see what is already in their folder.</p>
          {comment.trim() && (
            <figure className="drop-comment">
              <figcaption className="muted">Message from the owner</figcaption>
              <blockquote dir="auto">{comment}</blockquote>
            </figure>
          )}
          {mail && (
            <p className="muted drop-mail">
              You can also e-mail attachments to <a href={`mailto:${mail}`}>{mail}</a>.
            </p>
          )}
        </section>

        <form
          className="drop-card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!running) void run();
          }}
        >
          <label className="field">
            <span>Your name</span>
            <input
            ref={nameRef}
            value={name}
            required
            autoComplete="name"
            maxLength={200}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${ids}-name-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim()) setNameError(null);
            }}
          />
          </label>
          {nameError && (
            <p id={`${ids}-name-error`} className="field-error" role="alert">
              {nameError}
            </p>
          )}

          <div
            className={`drop-zone ${dragging ? 'over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Icon name="upload" size={32} />
            <p>Drag files here, or</p>
            <button type="button" className="btn" onClick={() => pickerRef.current?.click()}>
              Choose files
            </button>
            <input
              ref={pickerRef}
              type="file"
              multiple
              className="sr-only"
              tabIndex={-1}
              aria-label="Files to upload"
              onChange={(e) => {
                take(e.target.files);
                e.target.value = '';
              }}
            />
          </div>

          {stopped && (
            <div className="inline-alert drop-stopped" role="alert" data-problem={stopped.id}>
              <strong>{stopped.title}.</strong> {stopped.detail} Files that were not sent stay in the list.
            </div>
          )}

          {queue.length > 0 && (
            <>
              <ul className="drop-list" aria-label="Files to upload">
                {queue.map((q) => (
                  <li key={q.id} className={`drop-item ${q.status}`}>
                    <span className="drop-item-name" dir="auto">
                      {q.file.name}
                    </span>
                    <span className="drop-item-state" aria-live={q.status === 'uploading' ? 'off' : 'polite'}>
                      {q.status === 'queued' && `Waiting · ${formatBytes(q.file.size)}`}
                      {q.status === 'uploading' && `${formatBytes(q.sent)} of ${formatBytes(q.file.size)}`}
                      {q.status === 'done' && 'Uploaded'}
                      {q.status === 'failed' && `Failed: ${q.error ?? 'unknown error'}`}
                    </span>
                    <progress max={Math.max(1, q.file.size)} value={q.status === 'done' ? Math.max(1, q.file.size) : q.sent} aria-label={`${q.file.name} progress`} />
                    {(q.status === 'queued' || q.status === 'failed') && !running && (
                      <button type="button" className="btn icon drop-remove" aria-label={`Remove ${q.file.name}`} onClick={() => setQueue((x) => remove(x, q.id))}>
                        <Icon name="close" size={16} />
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              <p className="drop-summary" role="status">
                {running
                  ? `Uploading… ${summary.done} of ${summary.total} done (${formatBytes(summary.sentBytes)} of ${formatBytes(summary.bytes)})`
                  : finished && summary.failed === 0
                    ? `All ${summary.done} ${summary.done === 1 ? 'file was' : 'files were'} uploaded. Thank you!`
                    : `${summary.done} uploaded, ${summary.failed} failed, ${summary.waiting} waiting`}
              </p>
            </>
          )}

          <div className="drop-actions">
            {running ? (
              <button type="button" className="btn" onClick={() => abort.current?.abort()}>
                Stop
              </button>
            ) : (
              <>
                {summary.failed > 0 && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setQueue(requeueFailed);
                      void run();
                    }}
                  >
                    Retry failed
                  </button>
                )}
                {summary.done > 0 && (
                  <button type="button" className="btn" onClick={() => setQueue((q) => q.filter((x) => x.status !== 'done'))}>
                    Clear uploaded
                  </button>
                )}
                <button type="submit" className="btn primary" disabled={summary.waiting === 0}>
                  {summary.waiting > 0 ? `Upload ${summary.waiting} ${summary.waiting === 1 ? 'file' : 'files'}` : 'Upload'}
                </button>
              </>
            )}
          </div>
        </form>
      </div>
    </PublicFrame>
  );
}
