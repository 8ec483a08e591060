// "Add to playlist…": append the selected songs to an existing playlist or to a new one
// (collection_linkfiles / collection_create with fileids), then say which files were refused.
import { displayName } from '../../i18n/display-name';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { entryError, isOAuthRefusal } from '../../api/errors';
import { COLLECTION_TYPE, type Collection, type CollectionLinkResult } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { toTime } from '../../lib/format';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { collectionListOptions, useCreateCollection, useLinkCollectionFiles } from '../../queries/collections';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { CollectionsUnavailable } from './collection-states';
import './collections.css';
import { buttonClass } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


const NEW = 'new';
const tNow = getT(collections);

interface Outcome {
  collection: Pick<Collection, 'id' | 'name'>;
  added: number;
  refused: { name: string; message: string }[];
}

export default function AddToCollectionDialog({ items, onClose }: DialogProps) {
  const t = useT(collections);
  const tc = useT(common);
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
    const refused = (results || []).flatMap((r) => {
      const error = entryError(r, 'collection_linkfiles');
      return error
        ? [{ name: byId.get(String(r.fileid)) ?? tNow('fileFallback', { id: String(r.fileid) }), message: errorMessage(error) }]
        : [];
    });
    const added = files.length - refused.length;
    setOutcome({ collection, added, refused });
    if (refused.length === 0) toast({ kind: 'success', message: tNow('addedToast', { count: added, name: collection.name }) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const fileids = files.map((f) => f.fileid);
    if (selected === NEW) {
      const n = name.trim();
      if (!n) {
        setProblem(t('nameRequiredNew'));
        return;
      }
      create.mutate(
        { name: n, type: COLLECTION_TYPE.playlist, fileids },
        {
          onSuccess: (r) => summarise(r.collection, r.linkresult),
          onError: (err) => setProblem(tNow('createFailed', { error: errorMessage(err) })),
        },
      );
    } else {
      const collection = mine.find((c) => String(c.id) === selected);
      if (!collection) return;
      link.mutate(
        { collectionid: collection.id, fileids, noitems: true },
        {
          onSuccess: (r) => summarise(collection, r.linkresult),
          onError: (err) => setProblem(tNow('addFailed', { name: collection.name, error: errorMessage(err) })),
        },
      );
    }
  };

  const title = files.length === 1 ? t('addOneTitle', { name: files[0].name }) : t('addManyTitle', { count: files.length });
  let body;
  if (outcome) {
    body = (
      <div className="import-report" role="status">
        <p>{t.rich('addedOf', { added: outcome.added, total: files.length, name: <span dir="auto">{displayName(outcome.collection.name)}</span> })}</p>
        {outcome.refused.length > 0 && (
          <ul aria-label={t('notAdded')}>
            {outcome.refused.map((r) => (
              <li key={r.name}>{t.rich('refusedItem', { name: <span dir="auto">{displayName(r.name)}</span>, reason: r.message })}</li>
            ))}
          </ul>
        )}
        <DialogActions
          onCancel={onClose}
          cancelLabel={tc('close')}
          main={
            <Link className={buttonClass({ variant: 'primary' })} to={paths.collection(outcome.collection.id)} onClick={onClose}>
              {t('openPlaylist')}
            </Link>
          }
        />
      </div>
    );
  } else if (list.isPending) {
    body = <div className="loading" role="status" aria-label={t('loadingPlaylists')} />;
  } else if (list.isError && isOAuthRefusal(list.error)) {
    body = <CollectionsUnavailable />;
  } else if (list.isError) {
    body = (
      <p className="inline-alert" role="alert">
        {t('listError', { error: errorMessage(list.error) })}
      </p>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <fieldset className="collection-pick" disabled={busy}>
          <legend className="sr-only">{t('playlist')}</legend>
          {mine.map((c) => (
            <label key={c.id}>
              <input type="radio" name="collection" value={c.id} checked={selected === String(c.id)} onChange={() => setChoice(String(c.id))} />
              <span dir="auto">{displayName(c.name)}</span>
              <span className="muted">{tc('items', { count: c.items })}</span>
            </label>
          ))}
          <label>
            <input type="radio" name="collection" value={NEW} checked={selected === NEW} onChange={() => setChoice(NEW)} />
            {t('newPlaylist')}
          </label>
          {selected === NEW && (
            <label className="field">
              <span>{t('newName')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoFocus dir="auto" />
            </label>
          )}
        </fieldset>
        {problem && (
          <p className="inline-alert" role="alert">
            {problem}
          </p>
        )}
        <DialogActions onCancel={onClose} submitLabel={t('add')} busy={busy} busyLabel={t('adding')} disabled={files.length === 0} />
      </form>
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title}>
      {body}
    </Dialog>
  );
}
