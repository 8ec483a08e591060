// "Get public link": one file → getfilepublink, one folder → getfolderpublink, several items →
// gettreepublink (a snapshot). A file or folder that already has a link shows that link (with
// edit and delete) instead of making a duplicate; tree links are snapshots, so each is new.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Metadata, Publink, PublinkCreated } from '../../api/types';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { publinkListOptions, useCreatePublink, useCreateTreePublink, useDeletePublink } from '../../queries/publinks';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { errorMessage } from '../../i18n/error-message';
import { LinkError, PublinkEditForm } from './edit-forms';
import { PublinkOptionsFields } from './link-fields';
import { checkPublinkForm, emptyPublinkForm, publinkCreateParams, type Errors, type PublinkForm } from './link-options';
import { isTreeLink, LinkShareBox, PublinkFacts, useOnRealPcloud, viewerUrl } from './link-share';
import './links.css';
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


type Target =
  | { kind: 'file'; fileid: number; name: string }
  | { kind: 'folder'; folderid: number; name: string }
  | { kind: 'tree'; fileids: number[]; folderids: number[]; count: number };

function targetOf(items: readonly Metadata[]): Target {
  if (items.length === 1) {
    const m = items[0];
    return m.isfolder ? { kind: 'folder', folderid: m.folderid, name: m.name } : { kind: 'file', fileid: m.fileid, name: m.name };
  }
  return {
    kind: 'tree',
    fileids: items.flatMap((m) => (m.isfolder ? [] : [m.fileid])),
    folderids: items.flatMap((m) => (m.isfolder ? [m.folderid] : [])),
    count: items.length,
  };
}

/** The live link of this very file or folder, if there is one. */
function linkFor(list: readonly Publink[] | undefined, t: Target): Publink | undefined {
  if (!list || t.kind === 'tree') return undefined;
  return list.find((l) =>
    isTreeLink(l) ? false : t.kind === 'file' ? !l.metadata.isfolder && l.metadata.fileid === t.fileid : l.metadata.isfolder && l.metadata.folderid === t.folderid,
  );
}

function CreateForm({ target, defaultName, onCreated }: { target: Target; defaultName: string; onCreated: (c: PublinkCreated) => void }) {
  const [form, setForm] = useState<PublinkForm>(emptyPublinkForm);
  const [name, setName] = useState(defaultName);
  const [errors, setErrors] = useState<Errors<PublinkForm> & { name?: 'errTreeName' }>({});
  const t = useT(links);
  const create = useCreatePublink();
  const createTree = useCreateTreePublink();
  const pending = create.isPending || createTree.isPending;
  const error = target.kind === 'tree' ? createTree.error : create.error;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkPublinkForm(form);
    const nameError = target.kind === 'tree' && !name.trim() ? ('errTreeName' as const) : undefined;
    if (!checked.ok || nameError) return setErrors({ ...(checked.ok ? {} : checked.errors), name: nameError });
    setErrors({});
    const params = publinkCreateParams(checked.values);
    try {
      const created =
        target.kind === 'tree'
          ? await createTree.mutateAsync({ name: name.trim(), fileids: target.fileids, folderids: target.folderids, ...params })
          : target.kind === 'file'
            ? await create.mutateAsync({ fileid: target.fileid, ...params })
            : await create.mutateAsync({ folderid: target.folderid, ...params });
      toast({ kind: 'success', message: t('publinkCreated') });
      onCreated(created);
    } catch {
      /* shown below; the form keeps its input */
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('createPublink')}>
      <p className="muted link-intro">{t(target.kind === 'tree' ? 'introTree' : target.kind === 'folder' ? 'introFolder' : 'introFile')}</p>
      {target.kind === 'tree' && (
        <div className="field link-field">
          <label htmlFor="tree-name">{t('treeName')}</label>
          <input
            id="tree-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'tree-name-error' : undefined}
          />
          {errors.name && (
            <span id="tree-name-error" className="field-error" role="alert">
              {t(errors.name)}
            </span>
          )}
        </div>
      )}
      <PublinkOptionsFields form={form} onChange={setForm} errors={errors} />
      <LinkError error={error} />
      <DialogActions submitIcon="link" submitLabel={t('createLink')} busy={pending} busyLabel={t('creating')} />
    </form>
  );
}

function LinkView({ link, onEdit, onDeleted }: { link: Publink | PublinkCreated; onEdit: () => void; onDeleted: () => void }) {
  const real = useOnRealPcloud();
  const del = useDeletePublink();
  const [confirming, setConfirming] = useState(false);
  const t = useT(links);
  const full = 'metadata' in link ? (link as Publink) : null;
  const remove = async () => {
    try {
      await del.mutateAsync({ linkid: link.linkid });
      toast({ kind: 'success', message: t('publinkDeleted') });
      onDeleted();
    } catch (err) {
      toast({ kind: 'error', message: t('deleteFailed', { error: errorMessage(err) }) });
    }
  };
  return (
    <>
      <LinkShareBox url={viewerUrl(link.code)} label={t('linkToShare')} qrLabel={t('qrOfLink')} pcloudUrl={real ? link.link : undefined} />
      {full ? <PublinkFacts link={full} /> : <p className="muted">{t('loadingCounters')}</p>}
      {confirming ? (
        <div className="link-confirm" role="group" aria-label={t('confirmDeletion')}>
          <p>{t('deleteConfirm')}</p>
          <DialogActions onCancel={() => setConfirming(false)} cancelLabel={t('keepLink')} submitLabel={t('deleteLink')} onSubmit={() => void remove()} disabled={del.isPending} danger />
        </div>
      ) : (
        <DialogActions>
          <Button variant="danger" icon="trash" onClick={() => setConfirming(true)}>
            {t('deleteLink')}
          </Button>
          <Button icon="rename" disabled={!full} onClick={onEdit}>
            {t('changeOptions')}
          </Button>
        </DialogActions>
      )}
    </>
  );
}

export default function PublinkDialog({ items, folder, onClose }: DialogProps) {
  const target = targetOf(items);
  const list = useQuery({ ...publinkListOptions(), refetchOnMount: 'always' });
  const [created, setCreated] = useState<PublinkCreated | null>(null);
  const [editing, setEditing] = useState(false);
  const t = useT(links);
  const tc = useT(common);

  const listed = created ? list.data?.find((l) => l.linkid === created.linkid) : linkFor(list.data, target);
  const link: Publink | PublinkCreated | null = listed ?? created;
  const title = target.kind === 'tree' ? t('publinkTreeTitle', { count: target.count }) : t('publinkTitle', { name: target.name });
  const defaultName = folder && folder.folderid !== 0 ? folder.name : t('defaultTreeName');

  let body;
  if (items.length === 0) {
    body = <p className="muted">{t('selectFirst')}</p>;
  } else if (list.isPending && target.kind !== 'tree') {
    body = <div className="loading" role="status" aria-label={tc('loading')} />;
  } else if (link && editing && listed) {
    body = <PublinkEditForm link={listed} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  } else if (link) {
    body = (
      <LinkView
        link={link}
        onEdit={() => setEditing(true)}
        onDeleted={() => {
          setCreated(null);
          setEditing(false);
        }}
      />
    );
  } else {
    body = (
      <>
        {list.isError && target.kind !== 'tree' && (
          <div className="inline-alert link-alert" role="alert">
            {t('existingFailed', { error: errorMessage(list.error) })}
            <Button onClick={() => void list.refetch()}>
              {tc('tryAgain')}
            </Button>
          </div>
        )}
        <CreateForm target={target} defaultName={defaultName} onCreated={setCreated} />
      </>
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} wide>
      {body}
    </Dialog>
  );
}
