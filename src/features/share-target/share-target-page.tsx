// /share-target: files shared to the installed app from the phone's share sheet. The service
// worker (src/sw.ts) kept them in IndexedDB; here the user picks a folder and they join the
// ordinary upload queue (features/upload/runner.ts).
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useOnline } from '../../app/shell';
import { paths } from '../../app/paths';
import { FolderPickerDialog } from '../browse/dialogs';
import { startUploads, type ConflictChoice } from '../upload/runner';
import ConflictQuestion, { type Question } from '../upload/upload-conflict-question';
import { formatBytes } from '../../lib/format';
import { pendingShares, shareHandled, type SharedBatch } from './inbox';

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
  const navigate = useNavigate();

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
      await startUploads(qc, files.map((file) => ({ file, dir: '' })), [], folderid, ask);
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
        Upload shared files
      </h1>
      {failed && (
        <p className="inline-alert" role="alert">
          The shared files could not be received. Please share them again.
        </p>
      )}
      {readError && (
        <p className="inline-alert" role="alert">
          The shared files could not be read from this device&apos;s storage.
        </p>
      )}
      {batches === null && !readError && <div className="loading" role="status" aria-label="Loading shared files" />}
      {batches !== null && files.length === 0 && (
        <div className="state-box">
          <p>{notes.length ? 'Only files can be uploaded; nothing else was shared.' : 'No shared files are waiting.'}</p>
          <a className="btn" href={paths.folder(0)} onClick={(e) => (e.preventDefault(), void discard())}>
            Go to my files
          </a>
        </div>
      )}
      {files.length > 0 && (
        <>
          <p>
            {files.length === 1 ? '1 file' : `${files.length} files`}, {formatBytes(total)}. Choose the folder to upload {files.length === 1 ? 'it' : 'them'} to.
          </p>
          <ul className="name-list" aria-label="Shared files">
            {files.map((f, i) => (
              <li key={`${i}-${f.name}`}>
                <span dir="auto">{f.name}</span> <span className="muted">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
          {notes.length > 0 && (
            <p className="muted">
              Also shared: <span dir="auto">{notes.join(' · ')}</span>
            </p>
          )}
          <div className="dialog-actions start">
            <button className="btn primary" disabled={!online || busy} aria-describedby={online ? undefined : 'share-offline-reason'} onClick={() => setPicking(true)}>
              Choose a folder…
            </button>
            <button className="btn" disabled={busy} onClick={() => void discard()}>
              Discard
            </button>
          </div>
          {!online && (
            <p id="share-offline-reason" className="muted">
              Uploading needs a connection. The files stay here until you are back online.
            </p>
          )}
        </>
      )}
      <FolderPickerDialog open={picking} title="Upload shared files to" action="Upload" onClose={() => setPicking(false)} onPick={(id) => void upload(id)} exclude={NO_EXCLUSIONS} />
      {question && <ConflictQuestion q={question} />}
    </section>
  );
}
