// Import an .m3u / .m3u8 playlist — from this device or from the account — as a pCloud playlist:
// parse it, match its entries to audio files of the account, create the collection, and report the
// lines that matched nothing.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { COLLECTION_TYPE, type Collection, type FileMetadata } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { accountFileIndexOptions, readAccountFile, useCreateCollection } from '../../queries/collections';
import { Dialog } from '../../ui/dialog';
import { FolderPickerDialog } from '../browse/dialogs';
import { humanError } from '../browse/operations';
import { FolderName } from '../archive/folder-name';
import '../archive/archive.css';
import { decodePlaylist, matchPlaylist, parseM3u, playlistNameOf, type PlaylistEntry } from './m3u';

const PLAYLIST = /\.m3u8?$/i;
const AUDIO = 3;
const NO_EXCLUDE: ReadonlySet<number> = new Set();

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
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  const index = useQuery({ ...accountFileIndexOptions(0), enabled: source === 'account' });
  const playlists = useMemo(() => (index.data ?? []).filter((f) => PLAYLIST.test(f.file.name)), [index.data]);
  const accountPlaylist = playlists.find((p) => p.file.fileid === accountFileId);

  const pickName = (fileName: string) => {
    if (!nameTouched) setName(playlistNameOf(fileName));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const chosen = source === 'device' ? deviceFile : accountPlaylist;
    if (!chosen) {
      setProblem(source === 'device' ? 'Choose an .m3u or .m3u8 file.' : 'Choose a playlist file from your pCloud.');
      return;
    }
    const playlistName = name.trim();
    if (!playlistName) {
      setProblem('Enter a name for the new playlist.');
      return;
    }
    try {
      setBusy('Reading the playlist…');
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
        setProblem('This playlist has no entries. Is it an .m3u playlist?');
        return;
      }
      setBusy('Looking for the songs in your files…');
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
        setProblem(`None of the ${entries.length} entries matched an audio file in your pCloud, so no playlist was created.`);
        setReport(null);
        return;
      }
      setBusy('Creating the playlist…');
      const created = await create.mutateAsync({ name: playlistName, type: COLLECTION_TYPE.playlist, fileids });
      const refused = Array.isArray(created.linkresult) ? created.linkresult.filter((r) => r.result !== 0).length : 0;
      setReport({
        collection: created.collection,
        added: fileids.length - refused,
        duplicates: match.matched.length - fileids.length,
        unmatched: match.unmatched,
      });
    } catch (err) {
      setProblem(`The playlist could not be imported: ${humanError(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && !picking && onClose()} title="Import a playlist" wide>
      {report ? (
        <div className="import-report" role="status">
          <p>
            Created the playlist “<span dir="auto">{report.collection.name}</span>” with {report.added} song{report.added === 1 ? '' : 's'}.
            {report.duplicates > 0 && ` ${report.duplicates} repeated entr${report.duplicates === 1 ? 'y was' : 'ies were'} added once.`}
          </p>
          {report.unmatched.length === 0 ? (
            <p>Every entry was found.</p>
          ) : (
            <>
              <p>
                <strong>
                  {report.unmatched.length} entr{report.unmatched.length === 1 ? 'y' : 'ies'} did not match a song in your pCloud:
                </strong>
              </p>
              <ul aria-label="Entries not found">
                {report.unmatched.map((e) => (
                  <li key={e.line}>
                    Line {e.line}: <span dir="auto">{e.raw}</span>
                    {e.title ? <span className="muted"> ({e.title})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={onClose}>
              Close
            </button>
            <Link className="btn primary" to={paths.collection(report.collection.id)} onClick={onClose}>
              Open the playlist
            </Link>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="archive-options import-source" disabled={busy !== null}>
            <legend>Playlist file</legend>
            <label>
              <input type="radio" name="source" checked={source === 'device'} onChange={() => setSource('device')} />
              On this device
            </label>
            <label>
              <input type="radio" name="source" checked={source === 'account'} onChange={() => setSource('account')} />
              In my pCloud
            </label>
            {source === 'device' ? (
              <div className="field">
                <label htmlFor={fileInputId}>.m3u or .m3u8 file</label>
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
                Looking for playlists in your files…
              </p>
            ) : index.isError ? (
              <p className="field-error" role="alert">
                Your files could not be searched: {humanError(index.error)}
              </p>
            ) : playlists.length === 0 ? (
              <p className="muted">No .m3u or .m3u8 files were found in your pCloud.</p>
            ) : (
              <label className="field">
                <span>Playlist in your pCloud</span>
                <select
                  value={accountFileId}
                  onChange={(e) => {
                    const id = e.target.value === '' ? '' : Number(e.target.value);
                    setAccountFileId(id);
                    const p = playlists.find((x) => x.file.fileid === id);
                    if (p) pickName(p.file.name);
                  }}
                >
                  <option value="">Choose…</option>
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
            <span>Look for songs in</span>
            <span className="archive-dest-name" aria-label="Folder searched for songs">
              {scope === 0 ? 'All my files' : <FolderName folderid={scope} />}
            </span>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => setPicking(true)}>
              Change…
            </button>
            {scope !== 0 && (
              <button type="button" className="btn link" disabled={busy !== null} onClick={() => setScope(0)}>
                All my files
              </button>
            )}
          </div>
          <label className="field">
            <span>Name of the new playlist</span>
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
              <span>{busy}</span>
              <progress aria-label="Import progress" />
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
            <button type="submit" className="btn primary" disabled={busy !== null}>
              Import
            </button>
          </div>
        </form>
      )}
      <FolderPickerDialog
        open={picking}
        title="Look for songs in…"
        action="Search"
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
