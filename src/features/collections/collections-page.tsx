// Playlists (pCloud collections): the list at /collections, one playlist at /collections/:id.
// pCloud refuses collection_* to OAuth tokens (1000 → 'oauthRefused'): explained, not an error.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import { COLLECTION_TYPE, type Collection } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { formatDate } from '../../lib/format';
import { collectionListOptions, useCreateCollection } from '../../queries/collections';
import { toast } from '../../stores/toasts';
import { Icon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { CollectionDetail } from './collection-detail';
import { CollectionsUnavailable, LoadError } from './collection-states';
import { DeleteCollectionDialog, RenameCollectionDialog } from './collection-dialogs';
import { ImportPlaylistDialog } from './import-dialog';
import './collections.css';

function CreateForm() {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateCollection();
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setProblem('Enter a name for the playlist.');
      return;
    }
    setProblem(null);
    create.mutate(
      { name: n, type: COLLECTION_TYPE.playlist },
      {
        onSuccess: ({ collection }) => {
          setName('');
          toast({ kind: 'success', message: `Playlist “${collection.name}” created` });
          void navigate(paths.collection(collection.id));
        },
        onError: (err) => setProblem(`Could not create the playlist: ${humanError(err)}`),
      },
    );
  };
  return (
    <form className="collection-create" onSubmit={submit} noValidate aria-label="Create a playlist">
      <label className="field">
        <span>New playlist</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" dir="auto" aria-invalid={problem !== null} />
      </label>
      <button className="btn primary" type="submit" disabled={create.isPending}>
        <Icon name="plus" /> Create
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function CollectionList() {
  const list = useQuery(collectionListOptions());
  const [renaming, setRenaming] = useState<Collection | null>(null);
  const [deleting, setDeleting] = useState<Collection | null>(null);
  const [importing, setImporting] = useState(false);

  let body;
  if (list.isPending) body = <div className="loading" role="status" aria-label="Loading playlists" />;
  else if (list.isError && isOAuthRefusal(list.error)) body = <CollectionsUnavailable />;
  else if (list.isError) body = <LoadError what="Your playlists" error={list.error} retry={() => void list.refetch()} />;
  else {
    const collections = list.data;
    body = (
      <>
        <CreateForm />
        {collections.length === 0 ? (
          <div className="state-box empty">
            <h2>No playlists yet</h2>
            <p className="muted">Create one above, add songs from your files with “Add to playlist…”, or import an .m3u playlist.</p>
          </div>
        ) : (
          <ul className="collection-list" aria-label="Playlists">
            {collections.map((c) => (
              <li key={c.id} className="collection-row">
                <Icon name="music" size={22} />
                <div className="collection-main">
                  <Link to={paths.collection(c.id)} dir="auto">
                    {c.name}
                  </Link>
                  <span className="muted">
                    {c.items} item{c.items === 1 ? '' : 's'} · changed {formatDate(c.modified)}
                  </span>
                </div>
                {c.ismine && !c.system && (
                  <div className="row-buttons">
                    <button className="btn" aria-label={`Rename ${c.name}`} onClick={() => setRenaming(c)}>
                      Rename
                    </button>
                    <button className="btn danger" aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c)}>
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  const available = !(list.isError && isOAuthRefusal(list.error));
  return (
    <section className="collections-page" aria-labelledby="collections-title">
      <div className="collections-head">
        <h1 id="collections-title" className="page-title">
          Playlists
        </h1>
        {available && (
          <button className="btn" onClick={() => setImporting(true)} disabled={list.isPending}>
            <Icon name="upload" /> Import .m3u…
          </button>
        )}
      </div>
      {body}
      {renaming && <RenameCollectionDialog collection={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteCollectionDialog collection={deleting} onClose={() => setDeleting(null)} />}
      {importing && <ImportPlaylistDialog onClose={() => setImporting(false)} />}
    </section>
  );
}

export default function CollectionsPage() {
  const { collectionId } = useParams();
  if (collectionId === undefined) return <CollectionList />;
  const id = Number(collectionId);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <div className="state-box" role="alert">
        <h2>This playlist address is not valid</h2>
        <Link className="btn primary" to={paths.collections}>
          All playlists
        </Link>
      </div>
    );
  }
  return <CollectionDetail key={id} collectionid={id} />;
}
