// Extract a zip into a folder (extractarchive), following the server's log through
// extractarchiveprogress while it runs, then summarising what happened.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import type { ExtractProgress } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { extractProgressOptions, useExtractArchive } from '../../queries/archiving';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import archiveText from '../../locales/en/archive';
import { summariseExtraction } from './extract-log';
import { FolderName } from '../../widgets/folder-name';
import '../../widgets/archive.css';
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


type Overwrite = 'rename' | 'overwrite' | 'skip';
const NO_EXCLUDE: ReadonlySet<number> = new Set();
const OVERWRITE_LABELS = {
  rename: 'overwriteRename',
  overwrite: 'overwriteReplace',
  skip: 'overwriteSkip',
} as const satisfies Record<Overwrite, keyof typeof archiveText.messages>;

export default function ExtractDialog({ items, folder, onClose }: DialogProps) {
  const archive = items.length === 1 && !items[0].isfolder ? items[0] : undefined;
  const here = archive?.parentfolderid ?? folder?.folderid ?? 0;
  const [where, setWhere] = useState<'here' | 'other'>('here');
  const [other, setOther] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [overwrite, setOverwrite] = useState<Overwrite>('rename');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<ExtractProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** set when extractarchive answered before the job finished: follow it on the server it named */
  const [following, setFollowing] = useState<{ hash: string; apiBase?: string } | null>(null);
  const extract = useExtractArchive();
  const t = useT(archiveText);
  // extractarchive takes no progress id: the server names one only when it answers before finishing
  const running = following !== null;
  const progress = useQuery({
    ...extractProgressOptions(following?.hash ?? '', following?.apiBase),
    enabled: running,
    refetchInterval: running ? 500 : false,
    retry: false,
  });
  const busy = extract.isPending || following !== null;

  useEffect(() => {
    if (following && progress.data?.finished) {
      setResult(progress.data);
      setFollowing(null);
    }
  }, [following, progress.data]);
  const target = where === 'here' ? here : other;

  if (!archive) {
    return (
      <Dialog open onOpenChange={(o) => !o && onClose()} title={t('extractTitle')}>
        <p className="muted">{t('selectOneArchive')}</p>
      </Dialog>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target === null) {
      setProblem(t('chooseTarget'));
      return;
    }
    setProblem(null);
    extract.mutate(
      { fileid: archive.fileid, tofolderid: target, overwrite, ...(password ? { password } : {}) },
      {
        onSuccess: (data) => {
          if (data.finished) {
            setResult(data);
            toast({ kind: 'success', message: t('extractedToast', { name: archive.name }) });
          } else if (data.progresshash) {
            setFollowing({ hash: data.progresshash, apiBase: data.hostname ? `https://${data.hostname}` : undefined });
          } else {
            setResult(data);
          }
        },
        onError: (err) => setProblem(t('extractFailed', { name: archive.name, error: errorMessage(err) })),
      },
    );
  };

  const liveLines = progress.data?.output ?? [];
  const summary = result ? summariseExtraction(result.output ?? []) : null;

  return (
    <Dialog open onOpenChange={(o) => !o && !picking && onClose()} title={t('extractTitleOf', { name: archive.name })}>
      {result && summary ? (
        <div className="archive-result" role="status">
          <p>
            {t.rich(summary.skipped > 0 ? (summary.errors > 0 ? 'resultSkippedErrors' : 'resultSkipped') : summary.errors > 0 ? 'resultErrors' : 'resultDone', {
              extracted: <strong>{t('extractedCount', { count: summary.extracted })}</strong>,
              skipped: summary.skipped,
              errors: summary.errors,
            })}
          </p>
          <p>
            <Link to={paths.folder(target ?? here)} onClick={onClose}>
              {t.rich('openFolder', { folder: <FolderName folderid={target ?? here} /> })}
            </Link>
          </p>
          {(result.output?.length ?? 0) > 0 && (
            <details>
              <summary>{t('details')}</summary>
              <pre className="archive-log">{(result.output ?? []).join('\n')}</pre>
            </details>
          )}
          <DialogActions submitLabel={t('done')} onSubmit={onClose} />
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <fieldset className="archive-options" disabled={busy}>
            <legend>{t('extractTo')}</legend>
            <label>
              <input type="radio" name="where" checked={where === 'here'} onChange={() => setWhere('here')} />
              <span>{t.rich('thisFolder', { folder: <FolderName folderid={here} /> })}</span>
            </label>
            <label>
              <input
                type="radio"
                name="where"
                checked={where === 'other'}
                onChange={() => {
                  setWhere('other');
                  if (other === null) setPicking(true);
                }}
              />
              <span>{other === null ? t('anotherFolder') : t.rich('anotherFolderIs', { folder: <FolderName folderid={other} /> })}</span>
            </label>
            {where === 'other' && (
              <div>
                <Button onClick={() => setPicking(true)}>
                  {t('chooseFolder')}
                </Button>
              </div>
            )}
          </fieldset>
          <label className="field archive-field">
            <span>{t('whenExists')}</span>
            <select value={overwrite} onChange={(e) => setOverwrite(e.target.value as Overwrite)} disabled={busy}>
              {(Object.keys(OVERWRITE_LABELS) as Overwrite[]).map((k) => (
                <option key={k} value={k}>
                  {t(OVERWRITE_LABELS[k])}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('password')}</span>
            <input type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} disabled={busy} />
          </label>
          {busy && (
            <div className="archive-progress" role="status">
              <span>{liveLines.length > 0 ? t('extractingSoFar', { count: summariseExtraction(liveLines).extracted }) : t('extracting')}</span>
              <progress aria-label={t('extractionProgress')} />
            </div>
          )}
          {problem && (
            <p className="inline-alert" role="alert">
              {problem}
            </p>
          )}
          <DialogActions onCancel={onClose} submitLabel={t('extract')} busy={busy} busyLabel={t('extracting')} />
        </form>
      )}
      <FolderPickerDialog
        open={picking}
        title={t('extractPickerTitle')}
        action={t('extract')}
        exclude={NO_EXCLUDE}
        onClose={() => {
          setPicking(false);
          if (other === null) setWhere('here');
        }}
        onPick={(id) => {
          setPicking(false);
          setOther(id);
          setWhere('other');
        }}
      />
    </Dialog>
  );
}
