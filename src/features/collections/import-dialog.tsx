// Import an .m3u / .m3u8 playlist — from this device or from the account — as a pCloud playlist:
// parse it, match its entries to audio files of the account, create the collection, and report the
// lines that matched nothing.
import { displayName } from '../../i18n/display-name';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { entryError } from '../../api/errors';
import { COLLECTION_TYPE, type Collection, type FileMetadata } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { accountFileIndexOptions, readAccountFile, useCreateCollection } from '../../queries/collections';
import { Dialog } from '../../ui/dialog';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { FolderName } from '../../widgets/folder-name';
import '../../widgets/archive.css';
import { decodePlaylist, matchPlaylist, parseM3u, playlistNameOf, type PlaylistEntry } from './m3u';
import { Button, buttonClass } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


const PLAYLIST = /\.m3u8?$/i;
const AUDIO = 3;
const NO_EXCLUDE: ReadonlySet<number> = new Set();
const tNow = getT(collections);

interface Report {
  collection: Collection;
  added: number;
  duplicates: number;
  unmatched: PlaylistEntry[];
}

function dirOf(path: string): string {
  return path.replace(/\/[^/]*$/, '') || '/';
}

export function ImportPlaylistDialog({ onClose }: { onClose: () => void }) {
  const t = useT(collections);
  const tc = useT(common);
  const qc = useQueryClient();
  const create = useCreateCollection();
  const fileInputId = useId();
  const [source, setSource] = useState<'device' | 'account'>('device');
  const [deviceFile, setDeviceFile] = useState<File | null>(null);
  const [accountFileId, setAccountFileId] = useState<number | ''>('');
  const [scope, setScope] = useState<number>(0);
  const [picking, setPicking] = useState(false);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState<'reading' | 'matching' | 'creating' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  const index = useQuery({ ...accountFileIndexOptions(0), enabled: source === 'account' });
  const playlists = useMemo(() => (index.data ?? []).filter((f) => PLAYLIST.test(f.file.name)), [index.data]);
  const accountPlaylist = playlists.find((p) => p.file.fileid === accountFileId);

  const pickName = (fileName: string) => {
    if (!nameTouched) setName(playlistNameOf(fileName, t('importedPlaylist')));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const chosen = source === 'device' ? deviceFile : accountPlaylist;
    if (!chosen) {
      setProblem(source === 'device' ? t('chooseDeviceFile') : t('chooseAccountFile'));
      return;
    }
    const playlistName = name.trim();
    if (!playlistName) {
      setProblem(t('nameRequiredNew'));
      return;
    }
    try {
      setBusy('reading');
      let text: string;
      let baseDir: string | undefined;
      if (source === 'device') {
        const f = chosen as File;
        text = decodePlaylist(await f.arrayBuffer(), f.name);
      } else {
        const p = chosen as { path: string; file: FileMetadata };
        text = decodePlaylist(await readAccountFile(p.file.fileid), p.file.name);
        baseDir = dirOf(p.path);
      }
      const entries = parseM3u(text);
      if (entries.length === 0) {
        setProblem(tNow('noEntries'));
        return;
      }
      setBusy('matching');
      const files = await qc.fetchQuery(accountFileIndexOptions(scope));
      const audio = files.filter((f) => f.file.category === AUDIO && !PLAYLIST.test(f.file.name));
      const match = matchPlaylist(entries, audio, baseDir);
      const seen = new Set<number>();
      const fileids: number[] = [];
      for (const m of match.matched) {
        if (seen.has(m.file.fileid)) continue;
        seen.add(m.file.fileid);
        fileids.push(m.file.fileid);
      }
      if (fileids.length === 0) {
        setProblem(tNow('noneMatched', { count: entries.length }));
        setReport(null);
        return;
      }
      setBusy('creating');
      const created = await create.mutateAsync({ name: playlistName, type: COLLECTION_TYPE.playlist, fileids });
      const refused = Array.isArray(created.linkresult) ? created.linkresult.filter((r) => entryError(r, 'collection_create')).length : 0;
      setReport({
        collection: created.collection,
        added: fileids.length - refused,
        duplicates: match.matched.length - fileids.length,
        unmatched: match.unmatched,
      });
    } catch (err) {
      setProblem(tNow('importFailed', { error: errorMessage(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && !picking && onClose()} title={t('importTitle')} wide>
      {report ? (
        <div className="import-report" role="status">
          <p>
            {t.rich('createdWith', { count: report.added, name: <span dir="auto">{displayName(report.collection.name)}</span> })}
            {report.duplicates > 0 && ` ${t('repeated', { count: report.duplicates })}`}
          </p>
          {report.unmatched.length === 0 ? (
            <p>{t('allFound')}</p>
          ) : (
            <>
              <p>
                <strong>{t('unmatched', { count: report.unmatched.length })}</strong>
              </p>
              <ul aria-label={t('notFoundList')}>
                {report.unmatched.map((e) => (
                  <li key={e.line}>
                    {t.rich('notFoundLine', { line: String(e.line), location: <span dir="auto">{e.raw}</span> })}
                    {e.title ? <span className="muted"> ({e.title})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          <DialogActions
            onCancel={onClose}
            cancelLabel={tc('close')}
            main={
              <Link className={buttonClass({ variant: 'primary' })} to={paths.collection(report.collection.id)} onClick={onClose}>
                {t('openPlaylist')}
              </Link>
            }
          />
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="archive-options import-source" disabled={busy !== null}>
            <legend>{t('source')}</legend>
            <label>
              <input type="radio" name="source" checked={source === 'device'} onChange={() => setSource('device')} />
              {t('onDevice')}
            </label>
            <label>
              <input type="radio" name="source" checked={source === 'account'} onChange={() => setSource('account')} />
              {t('inAccount')}
            </label>
            {source === 'device' ? (
              <div className="field">
                <label htmlFor={fileInputId}>{t('deviceFile')}</label>
                <input
                  id={fileInputId}
                  type="file"
                  accept=".m3u,.m3u8,audio/x-mpegurl,audio/mpegurl,application/vnd.apple.mpegurl"
                  onChange={(e) => {
                    const f = e.target.files?.[0] ?? null;
                    setDeviceFile(f);
                    if (f) pickName(f.name);
                  }}
                />
              </div>
            ) : index.isPending ? (
              <p className="muted" role="status">
                {t('lookingForPlaylists')}
              </p>
            ) : index.isError ? (
              <p className="field-error" role="alert">
                {t('searchFailed', { error: errorMessage(index.error) })}
              </p>
            ) : playlists.length === 0 ? (
              <p className="muted">{t('noPlaylistFiles')}</p>
            ) : (
              <label className="field">
                <span>{t('accountFile')}</span>
                <select
                  value={accountFileId}
                  onChange={(e) => {
                    const id = e.target.value === '' ? '' : Number(e.target.value);
                    setAccountFileId(id);
                    const p = playlists.find((x) => x.file.fileid === id);
                    if (p) pickName(p.file.name);
                  }}
                >
                  <option value="">{t('choose')}</option>
                  {playlists.map((p) => (
                    <option key={p.file.fileid} value={p.file.fileid}>
                      {p.path}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </fieldset>
          <div className="archive-dest">
            <span>{t('scope')}</span>
            <span className="archive-dest-name" aria-label={t('scopeLabel')}>
              {scope === 0 ? t('allFiles') : <FolderName folderid={scope} />}
            </span>
            <Button disabled={busy !== null} onClick={() => setPicking(true)}>
              {t('change')}
            </Button>
            {scope !== 0 && (
              <Button variant="ghost" disabled={busy !== null} onClick={() => setScope(0)}>
                {t('allFiles')}
              </Button>
            )}
          </div>
          <label className="field">
            <span>{t('newName')}</span>
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameTouched(true);
              }}
              disabled={busy !== null}
              dir="auto"
            />
          </label>
          {busy && (
            <div className="archive-progress" role="status">
              <span>{t(busy)}</span>
              <progress aria-label={t('importProgress')} />
            </div>
          )}
          {problem && (
            <p className="inline-alert" role="alert">
              {problem}
            </p>
          )}
          <DialogActions onCancel={onClose} submitLabel={t('import')} disabled={busy !== null} />
        </form>
      )}
      <FolderPickerDialog
        open={picking}
        title={t('pickerTitle')}
        action={t('pickerAction')}
        exclude={NO_EXCLUDE}
        onClose={() => setPicking(false)}
        onPick={(id) => {
          setPicking(false);
          setScope(id);
        }}
      />
    </Dialog>
  );
}
