// Save a selection as a zip file inside pCloud (savezip), with the server's progress
// (savezipprogress, polled by progresshash) and a link to the result.
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { FileMetadata } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { formatBytes } from '../../lib/format';
import { saveZipProgressOptions, useSaveZip } from '../../queries/archiving';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { FolderPickerDialog } from '../browse/dialogs';
import { humanError } from '../browse/operations';
import { FolderName } from './folder-name';
import { defaultZipName, describeSelection, newProgressHash, treeOf } from './selection';
import './archive.css';

const NO_EXCLUDE: ReadonlySet<number> = new Set();
const BAD_NAME = /[\\/:*?"<>|]/;

function validate(name: string): string | null {
  const n = name.trim();
  if (!n) return 'Enter a name for the zip file.';
  if (BAD_NAME.test(n)) return 'A name cannot contain \\ / : * ? " < > |';
  if (n === '.zip') return 'Enter a name before “.zip”.';
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
    const bad = validate(name);
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
          toast({ kind: 'success', message: `Saved “${data.metadata.name}”` });
        },
        onError: (err) => setProblem(`The zip could not be saved: ${humanError(err)}`),
      },
    );
  };

  const p = progress.data;
  const ratio = p && p.totalbytes > 0 ? p.bytes / p.totalbytes : undefined;

  return (
    <Dialog open onOpenChange={(o) => !o && !picking && onClose()} title="Save as zip to pCloud">
      {result ? (
        <div className="archive-result" role="status">
          <p>
            “<span dir="auto">{result.name}</span>” was saved ({formatBytes(result.size)}).
          </p>
          <p>
            <Link to={`${paths.folder((result.parentfolderid ?? target))}?view=${result.fileid}`} onClick={onClose}>
              Open “{result.name}”
            </Link>{' '}
            ·{' '}
            <Link to={paths.folder((result.parentfolderid ?? target))} onClick={onClose}>
              Show in <FolderName folderid={(result.parentfolderid ?? target)} />
            </Link>
          </p>
          <div className="dialog-actions">
            <button className="btn primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">Zip {describeSelection(items)} into a new file in your pCloud.</p>
          <label className="field">
            <span>File name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={save.isPending}
              aria-invalid={problem !== null && validate(name) !== null}
              autoFocus
              dir="auto"
            />
          </label>
          <div className="archive-dest">
            <span>Save in</span>
            <span className="archive-dest-name" aria-label="Destination folder">
              <FolderName folderid={target} />
            </span>
            <button type="button" className="btn" disabled={save.isPending} onClick={() => setPicking(true)}>
              Change…
            </button>
          </div>
          {save.isPending && (
            <div className="archive-progress" role="status">
              <span>
                Zipping…{' '}
                {p ? `${p.files} of ${p.totalfiles} files · ${formatBytes(p.bytes)} of ${formatBytes(p.totalbytes)}` : ''}
              </span>
              <progress aria-label="Zip progress" max={1} value={ratio} />
            </div>
          )}
          {problem && (
            <p className="inline-alert" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save zip'}
            </button>
          </div>
        </form>
      )}
      <FolderPickerDialog
        open={picking}
        title="Save the zip in…"
        action="Save"
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
