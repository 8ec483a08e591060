// Save a selection as a zip file inside pCloud (savezip), with the server's progress
// (savezipprogress, polled by progresshash) and a link to the result.
import { displayName } from '../../i18n/display-name';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import type { FileMetadata } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { formatBytes } from '../../lib/format';
import { saveZipProgressOptions, useSaveZip } from '../../queries/archiving';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { useT, type Translate } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import archive from '../../locales/en/archive';
import common from '../../locales/en/common';
import { FolderName } from '../../widgets/folder-name';
import { defaultZipName, describeSelection, newProgressHash, treeOf } from './selection';
import '../../widgets/archive.css';
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


const NO_EXCLUDE: ReadonlySet<number> = new Set();
const BAD_NAME = /[\\/:*?"<>|]/;

function validate(name: string, t: Translate<typeof archive.messages>): string | null {
  const n = name.trim();
  if (!n) return t('nameEmpty');
  if (BAD_NAME.test(n)) return t('nameBadChars');
  if (n === '.zip') return t('nameOnlyExtension');
  return null;
}

export default function ZipSaveDialog({ items, folder, onClose }: DialogProps) {
  const [name, setName] = useState(() => defaultZipName(items, folder));
  const [target, setTarget] = useState(folder?.folderid ?? 0);
  const [picking, setPicking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const [result, setResult] = useState<FileMetadata | null>(null);
  const save = useSaveZip();
  const t = useT(archive);
  const c = useT(common);
  const running = save.isPending && hash !== null;
  const progress = useQuery({
    ...saveZipProgressOptions(hash ?? ''),
    enabled: running,
    refetchInterval: running ? 400 : false,
    retry: false,
  });
  const tree = useMemo(() => treeOf(items), [items]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = validate(name, t);
    setProblem(bad);
    if (bad) return;
    const trimmed = name.trim();
    const toname = /\.zip$/i.test(trimmed) ? trimmed : `${trimmed}.zip`;
    const progresshash = newProgressHash();
    setHash(progresshash);
    save.mutate(
      { ...tree, tofolderid: target, toname, progresshash },
      {
        onSuccess: (data) => {
          setResult(data.metadata);
          toast({ kind: 'success', message: t('savedToast', { name: data.metadata.name }) });
        },
        onError: (err) => setProblem(t('saveFailed', { error: errorMessage(err) })),
      },
    );
  };

  const p = progress.data;
  const ratio = p && p.totalbytes > 0 ? p.bytes / p.totalbytes : undefined;

  return (
    <Dialog open onOpenChange={(o) => !o && !picking && onClose()} title={t('saveTitle')}>
      {result ? (
        <div className="archive-result" role="status">
          <p>{t.rich('saved', { name: <span dir="auto">{displayName(result.name)}</span>, size: formatBytes(result.size) })}</p>
          <p>
            <Link to={`${paths.folder((result.parentfolderid ?? target))}?view=${result.fileid}`} onClick={onClose}>
              {t('openFile', { name: result.name })}
            </Link>{' '}
            ·{' '}
            <Link to={paths.folder((result.parentfolderid ?? target))} onClick={onClose}>
              {t.rich('showIn', { folder: <FolderName folderid={result.parentfolderid ?? target} /> })}
            </Link>
          </p>
          <DialogActions submitLabel={t('done')} onSubmit={onClose} />
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t('zipInto', { selection: describeSelection(items) })}</p>
          <label className="field">
            <span>{t('fileName')}</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={save.isPending}
              aria-invalid={problem !== null && validate(name, t) !== null}
              autoFocus
              dir="auto"
            />
          </label>
          <div className="archive-dest">
            <span>{t('saveIn')}</span>
            <span className="archive-dest-name" aria-label={t('destination')}>
              <FolderName folderid={target} />
            </span>
            <Button disabled={save.isPending} onClick={() => setPicking(true)}>
              {t('change')}
            </Button>
          </div>
          {save.isPending && (
            <div className="archive-progress" role="status">
              <span>
                {p
                  ? t('zippingProgress', { files: p.files, totalFiles: p.totalfiles, bytes: formatBytes(p.bytes), totalBytes: formatBytes(p.totalbytes) })
                  : t('zipping')}
              </span>
              <progress aria-label={t('zipProgress')} max={1} value={ratio} />
            </div>
          )}
          {problem && (
            <p className="inline-alert" role="alert">
              {problem}
            </p>
          )}
          <DialogActions onCancel={onClose} submitLabel={t('saveZip')} busy={save.isPending} busyLabel={t('saving')} />
        </form>
      )}
      <FolderPickerDialog
        open={picking}
        title={t('savePickerTitle')}
        action={c('save')}
        exclude={NO_EXCLUDE}
        onClose={() => setPicking(false)}
        onPick={(id) => {
          setPicking(false);
          setTarget(id);
        }}
      />
    </Dialog>
  );
}
