// "Add to playlist…": append the selected songs to an existing playlist or to a new one
// (collection_linkfiles / collection_create with fileids), then say which files were refused.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import { COLLECTION_TYPE, type Collection, type CollectionLinkResult } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { toTime } from '../../lib/format';
import { collectionListOptions, useCreateCollection, useLinkCollectionFiles } from '../../queries/collections';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { humanError } from '../browse/operations';
import { CollectionsUnavailable } from './collection-states';
import './collections.css';

const NEW = 'new';

interface Outcome {
  collection: Pick<Collection, 'id' | 'name'>;
  added: number;
  refused: { name: string; message: string }[];
}

export default function AddToCollectionDialog({ items, onClose }: DialogProps) {
  const files = items.filter((m) => !m.isfolder);
  const list = useQuery(collectionListOptions());
  const create = useCreateCollection();
  const link = useLinkCollectionFiles();
  const [choice, setChoice] = useState<string>('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = create.isPending || link.isPending;
  // the playlist changed last first: usually the one being filled
  const mine = (list.data ?? []).filter((c) => c.ismine && !c.system).sort((a, b) => toTime(b.modified) - toTime(a.modified));
  const selected = choice || (mine.length ? String(mine[0].id) : NEW);

  const summarise = (collection: Pick<Collection, 'id' | 'name'>, results: CollectionLinkResult[] | false | undefined) => {
    const byId = new Map(files.map((f) => [String(f.fileid), f.name]));
    const refused = (results || [])
      .filter((r) => r.result !== 0)
      .map((r) => ({ name: byId.get(String(r.fileid)) ?? `File ${r.fileid}`, message: r.message ?? `Refused (${r.result})` }));
    const added = files.length - refused.length;
    setOutcome({ collection, added, refused });
    if (refused.length === 0) toast({ kind: 'success', message: `Added ${added} song${added === 1 ? '' : 's'} to “${collection.name}”` });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const fileids = files.map((f) => f.fileid);
    if (selected === NEW) {
      const n = name.trim();
      if (!n) {
        setProblem('Enter a name for the new playlist.');
        return;
      }
      create.mutate(
        { name: n, type: COLLECTION_TYPE.playlist, fileids },
        {
          onSuccess: (r) => summarise(r.collection, r.linkresult),
          onError: (err) => setProblem(`Could not create the playlist: ${humanError(err)}`),
        },
      );
    } else {
      const collection = mine.find((c) => String(c.id) === selected);
      if (!collection) return;
      link.mutate(
        { collectionid: collection.id, fileids, noitems: true },
        {
          onSuccess: (r) => summarise(collection, r.linkresult),
          onError: (err) => setProblem(`Could not add to “${collection.name}”: ${humanError(err)}`),
        },
      );
    }
  };

  const title = files.length === 1 ? `Add “${files[0].name}” to a playlist` : `Add ${files.length} songs to a playlist`;
  let body;
  if (outcome) {
    body = (
      <div className="import-report" role="status">
        <p>
          Added {outcome.added} of {files.length} to “<span dir="auto">{outcome.collection.name}</span>”.
        </p>
        {outcome.refused.length > 0 && (
          <ul aria-label="Files not added">
            {outcome.refused.map((r) => (
              <li key={r.name}>
                <span dir="auto">{r.name}</span>: {r.message}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <Link className="btn primary" to={paths.collection(outcome.collection.id)} onClick={onClose}>
            Open the playlist
          </Link>
        </div>
      </div>
    );
  } else if (list.isPending) {
    body = <div className="loading" role="status" aria-label="Loading playlists" />;
  } else if (list.isError && isOAuthRefusal(list.error)) {
    body = <CollectionsUnavailable />;
  } else if (list.isError) {
    body = (
      <p className="inline-alert" role="alert">
        Your playlists could not be loaded: {humanError(list.error)}
      </p>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <fieldset className="collection-pick" disabled={busy}>
          <legend className="sr-only">Playlist</legend>
          {mine.map((c) => (
            <label key={c.id}>
              <input type="radio" name="collection" value={c.id} checked={selected === String(c.id)} onChange={() => setChoice(String(c.id))} />
              <span dir="auto">{c.name}</span>
              <span className="muted">
                {c.items} item{c.items === 1 ? '' : 's'}
              </span>
            </label>
          ))}
          <label>
            <input type="radio" name="collection" value={NEW} checked={selected === NEW} onChange={() => setChoice(NEW)} />
            New playlist
          </label>
          {selected === NEW && (
            <label className="field">
              <span>Name of the new playlist</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoFocus dir="auto" />
            </label>
          )}
        </fieldset>
        {problem && (
          <p className="inline-alert" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy || files.length === 0}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title}>
      {body}
    </Dialog>
  );
}
