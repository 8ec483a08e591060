// `/puplink?code=…`: the anonymous drop page of an upload link. The visitor sees only the owner's
// message, gives their name (pCloud needs it as `names`), and sends files one request each, through
// the same upload engine as the signed-in app with the upload-link transport.
import { displayName } from '../../i18n/display-name';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useSearchParams } from '../../routing/location';
import { useQuery } from '@tanstack/react-query';
import { openUploadLinkOptions, uploadToPublicLink, type PublicLink } from '../../queries/public';
import { createUploadQueue, summarizeUploads } from '../../stores/upload-queue';
import { createUploadEngine, systemClock } from '../../uploads/engine';
import { createLinkTransport } from '../../uploads/link-transport';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import pub from '../../locales/en/public';
import { Icon } from '../../ui/icons';
import { Loading, ProblemPage, PublicFrame } from './frame';
import { publicApiBases } from './hosts';
import { actionError, linkProblem, type LinkProblem } from './problems';
import { Button } from '../../ui/button';

const NAME_KEY = 'pcloud.uploader.name';

export default function UploadDropPage() {
  const t = useT(pub);
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const bases = useMemo(publicApiBases, []);
  const opened = useQuery({ ...openUploadLinkOptions(code, bases), enabled: code !== '' });

  if (code === '') {
    return <ProblemPage problem={{ id: 'unknown', title: t('noUploadLinkTitle'), detail: t('noUploadLinkDetail'), retry: false }} />;
  }
  if (opened.error) return <ProblemPage problem={linkProblem(opened.error, 'upload link')} onRetry={() => void opened.refetch()} />;
  if (!opened.data) {
    return (
      <PublicFrame title={t('uploadFiles')}>
        <Loading label={t('openingUploadLink')} />
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
  const t = useT(pub);
  const ids = useId();
  const [nameInput, setName] = useState(rememberedName);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const uploader = useRef('');
  const [running, setRunning] = useState(false);
  const [stopped, setStopped] = useState<LinkProblem | null>(null);
  const [dragging, setDragging] = useState(false);
  // this page's queue; the engine sends a run once the visitor has given their name
  const [{ queue, engine }] = useState(() => {
    const queue = createUploadQueue();
    const transport = createLinkTransport((file, opts) => uploadToPublicLink(link, uploader.current, file, opts));
    const engine = createUploadEngine({
      store: queue,
      transport,
      clock: systemClock,
      describe: actionError,
      // the link itself refuses more files: the run stops, the queue stays for a retry
      onHalt: (err) => setStopped(linkProblem(err, 'upload link')),
      onIdle: () => setRunning(false),
      autoStart: false,
    });
    return { queue, engine };
  });
  useEffect(() => () => engine.stop(), [engine]);
  const items = queue.useItems();
  const summary = summarizeUploads(items);

  const take = (files: FileList | null) => {
    if (!files?.length) return;
    queue.queued(Array.from(files, (file) => ({ file, dir: '' })), 0, { unique: true });
  };

  const run = (again = false) => {
    const name = nameInput.trim();
    if (!name) {
      setNameError(t('nameRequired'));
      nameRef.current?.focus();
      return;
    }
    try {
      localStorage.setItem(NAME_KEY, name);
    } catch {
      /* not remembered: fine */
    }
    setNameError(null);
    setStopped(null);
    uploader.current = name;
    setRunning(true);
    if (again) engine.retryFailed();
    engine.start();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };

  const finished = !running && summary.total > 0 && summary.waiting === 0;

  return (
    <PublicFrame title={t('uploadFiles')}>
      <div className="drop-page">
        <section className="drop-card" aria-labelledby={`${ids}-title`}>
          <h1 id={`${ids}-title`}>{t('uploadFiles')}</h1>
          <p className="muted">{t('dropIntro')}</p>
          {comment.trim() && (
            <figure className="drop-comment">
              <figcaption className="muted">{t('ownerMessage')}</figcaption>
              <blockquote dir="auto">{comment}</blockquote>
            </figure>
          )}
          {mail && (
            <p className="muted drop-mail">
              {t.rich('mailAlso', { mail: <a href={`mailto:${mail}`}>{mail}</a> })}
            </p>
          )}
        </section>

        <form
          className="drop-card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!running) run();
          }}
        >
          <label className="field">
            <span>{t('yourName')}</span>
            <input
            ref={nameRef}
            value={nameInput}
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
            <p>{t('dragHere')}</p>
            <Button onClick={() => pickerRef.current?.click()}>
              {t('chooseFiles')}
            </Button>
            <input
              ref={pickerRef}
              type="file"
              multiple
              className="sr-only"
              tabIndex={-1}
              aria-label={t('filesToUpload')}
              onChange={(e) => {
                take(e.target.files);
                e.target.value = '';
              }}
            />
          </div>

          {stopped && (
            <div className="inline-alert drop-stopped" role="alert" data-problem={stopped.id}>
              {t.rich('stopped', { title: <strong>{stopped.title}</strong>, detail: stopped.detail })}
            </div>
          )}

          {items.length > 0 && (
            <>
              <ul className="drop-list" aria-label={t('filesToUpload')}>
                {items.map((q) => (
                  <li key={q.id} className={`drop-item ${q.status === 'waiting' ? 'queued' : q.status}`}>
                    <span className="drop-item-name" dir="auto">
                      {displayName(q.name)}
                    </span>
                    <span className="drop-item-state" aria-live={q.status === 'uploading' ? 'off' : 'polite'}>
                      {q.status === 'waiting' && t('waiting', { size: formatBytes(q.size, t.locale) })}
                      {q.status === 'uploading' && t('sentOf', { sent: formatBytes(q.loaded, t.locale), total: formatBytes(q.size, t.locale) })}
                      {q.status === 'done' && t('uploaded')}
                      {q.status === 'failed' && t('failed', { reason: q.error ?? t('unknownError') })}
                    </span>
                    <progress max={Math.max(1, q.size)} value={q.status === 'done' ? Math.max(1, q.size) : q.loaded} aria-label={t('itemProgress', { name: q.name })} />
                    {(q.status === 'waiting' || q.status === 'failed') && !running && (
                      <Button square className="drop-remove" aria-label={t('removeItem', { name: q.name })} onClick={() => queue.kept((x) => x.id !== q.id)}>
                        <Icon name="close" size={16} />
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              {/* the counts are announced as they change; the bytes, which change all the time, are not */}
              <p className="drop-summary">
                <span role="status">
                  {running
                    ? t('summaryRunning', { done: summary.done, total: summary.total })
                    : finished && summary.failed === 0
                      ? t('summaryAllDone', { count: summary.done })
                      : t('summaryMixed', { done: summary.done, failed: summary.failed, waiting: summary.waiting })}
                </span>
                {running && ` ${t('summaryBytes', { sent: formatBytes(summary.sentBytes, t.locale), total: formatBytes(summary.bytes, t.locale) })}`}
              </p>
            </>
          )}

          <div className="drop-actions">
            {running ? (
              <Button
                onClick={() => {
                  engine.stop();
                  setRunning(false);
                }}
              >
                {t('stop')}
              </Button>
            ) : (
              <>
                {summary.failed > 0 && (
                  <Button
                    onClick={() => run(true)}
                  >
                    {t('retryFailed')}
                  </Button>
                )}
                {summary.done > 0 && (
                  <Button onClick={() => queue.kept((x) => x.status !== 'done')}>
                    {t('clearUploaded')}
                  </Button>
                )}
                <Button variant="primary" type="submit" disabled={summary.waiting === 0}>
                  {summary.waiting > 0 ? t('uploadCount', { count: summary.waiting }) : t('upload')}
                </Button>
              </>
            )}
          </div>
        </form>
      </div>
    </PublicFrame>
  );
}
