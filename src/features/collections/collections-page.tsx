// Playlists (pCloud collections): the list at /collections, one playlist at /collections/:id.
// pCloud refuses collection_* to OAuth tokens (1000 → 'oauthRefused'): explained, not an error.
import { displayName } from '../../i18n/display-name';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import { COLLECTION_TYPE, type Collection } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { collectionListOptions, useCreateCollection } from '../../queries/collections';
import { toast } from '../../stores/toasts';
import { Icon } from '../../ui/icons';
import { CollectionDetail } from './collection-detail';
import { CollectionsUnavailable, LoadError } from './collection-states';
import { DeleteCollectionDialog, RenameCollectionDialog } from './collection-dialogs';
import { ImportPlaylistDialog } from './import-dialog';
import './collections.css';
import { Button, buttonClass } from '../../ui/button';

const tNow = getT(collections);

function CreateForm() {
  const t = useT(collections);
  const tc = useT(common);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateCollection();
  const [, navigate] = useLocation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setProblem(t('nameRequired'));
      return;
    }
    setProblem(null);
    create.mutate(
      { name: n, type: COLLECTION_TYPE.playlist },
      {
        onSuccess: ({ collection }) => {
          setName('');
          toast({ kind: 'success', message: tNow('created', { name: collection.name }) });
          void navigate(paths.collection(collection.id));
        },
        onError: (err) => setProblem(tNow('createFailed', { error: errorMessage(err) })),
      },
    );
  };
  return (
    <form className="collection-create" onSubmit={submit} noValidate aria-label={t('createLabel')}>
      <label className="field">
        <span>{t('newPlaylist')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={tc('name')} dir="auto" aria-invalid={problem !== null} />
      </label>
      <Button variant="primary" icon="plus" type="submit" disabled={create.isPending}>
        {t('create')}
      </Button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function CollectionList() {
  const t = useT(collections);
  const tc = useT(common);
  const list = useQuery(collectionListOptions());
  const [renaming, setRenaming] = useState<Collection | null>(null);
  const [deleting, setDeleting] = useState<Collection | null>(null);
  const [importing, setImporting] = useState(false);

  let body;
  if (list.isPending) body = <div className="loading" role="status" aria-label={t('loadingPlaylists')} />;
  else if (list.isError && isOAuthRefusal(list.error)) body = <CollectionsUnavailable />;
  else if (list.isError) body = <LoadError title={t('listLoadError')} error={list.error} retry={() => void list.refetch()} />;
  else {
    const collections = list.data;
    body = (
      <>
        <CreateForm />
        {collections.length === 0 ? (
          <div className="state-box empty">
            <h2>{t('noPlaylists')}</h2>
            <p className="muted">{t('noPlaylistsText')}</p>
          </div>
        ) : (
          <ul className="collection-list" aria-label={t('title')}>
            {collections.map((c) => (
              <li key={c.id} className="collection-row">
                <Icon name="music" size={22} />
                <div className="collection-main">
                  <Link to={paths.collection(c.id)} dir="auto">
                    {displayName(c.name)}
                  </Link>
                  <span className="muted">
                    {t('rowMeta', { items: tc('items', { count: c.items }), date: formatDate(c.modified, t.locale) })}
                  </span>
                </div>
                {c.ismine && !c.system && (
                  <div className="row-buttons">
                    <Button aria-label={t('renameItem', { name: c.name })} onClick={() => setRenaming(c)}>
                      {tc('rename')}
                    </Button>
                    <Button variant="danger" aria-label={t('deleteItem', { name: c.name })} onClick={() => setDeleting(c)}>
                      {tc('delete')}
                    </Button>
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
          {t('title')}
        </h1>
        {available && (
          <Button icon="upload" onClick={() => setImporting(true)} disabled={list.isPending}>
            {t('importM3u')}
          </Button>
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
  const t = useT(collections);
  const { collectionId } = useParams();
  if (collectionId === undefined) return <CollectionList />;
  const id = Number(collectionId);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <div className="state-box" role="alert">
        <h2>{t('badAddress')}</h2>
        <Link className={buttonClass({ variant: 'primary' })} to={paths.collections}>
          {t('allPlaylists')}
        </Link>
      </div>
    );
  }
  return <CollectionDetail key={id} collectionid={id} />;
}
