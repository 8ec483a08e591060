// /share-target: files shared to the installed app from the phone's share sheet. The service
// worker (src/sw.ts) kept them in IndexedDB; here the user picks a folder and they join the
// ordinary upload queue (src/uploads/session-uploads.ts).
import { displayName } from '../../i18n/display-name';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { useSearchParams } from '../../routing/location';
import { useQueryClient } from '@tanstack/react-query';
import { useOnline } from '../../lib/online';
import { paths } from '../../routing/paths';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { sessionUploads, type ConflictChoice } from '../../uploads/session-uploads';
import ConflictQuestion, { type Question } from '../../uploads/upload-conflict-question';
import { formatBytes } from '../../lib/format';
import { pendingShares, shareHandled, type SharedBatch } from './inbox';
import { useT } from '../../i18n';
import uploadText from '../../locales/en/upload';
import { Button, buttonClass } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


const NO_EXCLUSIONS: ReadonlySet<number> = new Set();

export default function ShareTargetPage() {
  const [params] = useSearchParams();
  const failed = params.get('failed') === '1';
  const [batches, setBatches] = useState<SharedBatch[] | null>(null);
  const [readError, setReadError] = useState(false);
  const [picking, setPicking] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);
  const online = useOnline();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const t = useT(uploadText);

  useEffect(() => {
    let live = true;
    pendingShares().then(
      (b) => live && setBatches(b),
      () => live && setReadError(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const files = (batches ?? []).flatMap((b) => b.files);
  const notes = (batches ?? []).flatMap((b) => [b.title, b.text, b.url].filter((t): t is string => !!t));
  const total = files.reduce((sum, f) => sum + f.size, 0);

  const upload = async (folderid: number) => {
    setPicking(false);
    setBusy(true);
    let declined = false;
    const ask = (names: string[]) =>
      new Promise<ConflictChoice | null>((resolve) =>
        setQuestion({
          names,
          resolve: (c) => {
            setQuestion(null);
            declined = c === null;
            resolve(c);
          },
        }),
      );
    try {
      await sessionUploads(qc)?.start(files.map((file) => ({ file, dir: '' })), [], folderid, ask);
      if (declined) return;
      // queued: the upload panel shows progress from here; the inbox forgets the batches
      await Promise.all((batches ?? []).map((b) => shareHandled(b.id)));
      navigate(paths.folder(folderid));
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    await Promise.all((batches ?? []).map((b) => shareHandled(b.id)));
    navigate(paths.folder(0));
  };

  return (
    <section className="share-target-page" aria-labelledby="share-target-title">
      <h1 id="share-target-title" className="page-title">
        {t('sharedTitle')}
      </h1>
      {failed && (
        <p className="inline-alert" role="alert">
          {t('sharedReceiveFailed')}
        </p>
      )}
      {readError && (
        <p className="inline-alert" role="alert">
          {t('sharedReadFailed')}
        </p>
      )}
      {batches === null && !readError && <div className="loading" role="status" aria-label={t('sharedLoading')} />}
      {batches !== null && files.length === 0 && (
        <div className="state-box">
          <p>{notes.length ? t('sharedOnlyFiles') : t('sharedNone')}</p>
          <a className={buttonClass()} href={paths.folder(0)} onClick={(e) => (e.preventDefault(), void discard())}>
            {t('goToFiles')}
          </a>
        </div>
      )}
      {files.length > 0 && (
        <>
          <p>{t('sharedSummary', { count: files.length, size: formatBytes(total) })}</p>
          <ul className="name-list" aria-label={t('sharedFiles')}>
            {files.map((f, i) => (
              <li key={`${i}-${f.name}`}>
                <span dir="auto">{displayName(f.name)}</span> <span className="muted">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
          {notes.length > 0 && (
            <p className="muted">{t.rich('alsoShared', { notes: <span dir="auto">{notes.join(' · ')}</span> })}</p>
          )}
          <DialogActions start>
            <Button variant="primary" disabled={!online || busy} aria-describedby={online ? undefined : 'share-offline-reason'} onClick={() => setPicking(true)}>
              {t('chooseTargetFolder')}
            </Button>
            <Button disabled={busy} onClick={() => void discard()}>
              {t('discard')}
            </Button>
          </DialogActions>
          {!online && (
            <p id="share-offline-reason" className="muted">
              {t('sharedOffline')}
            </p>
          )}
        </>
      )}
      <FolderPickerDialog open={picking} title={t('sharedPickerTitle')} action={t('upload')} onClose={() => setPicking(false)} onPick={(id) => void upload(id)} exclude={NO_EXCLUSIONS} />
      {question && <ConflictQuestion q={question} />}
    </section>
  );
}
