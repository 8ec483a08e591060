// "Get public link": one file → getfilepublink, one folder → getfolderpublink, several items →
// gettreepublink (a snapshot). A file or folder that already has a link shows that link (with
// edit and delete) instead of making a duplicate; tree links are snapshots, so each is new.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Metadata, Publink, PublinkCreated } from '../../api/types';
import { publinkListOptions, useCreatePublink, useCreateTreePublink, useDeletePublink } from '../../queries/publinks';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { LinkError, PublinkEditForm } from './edit-forms';
import { PublinkOptionsFields } from './link-fields';
import { checkPublinkForm, emptyPublinkForm, publinkCreateParams, type Errors, type PublinkForm } from './link-options';
import { isTreeLink, LinkShareBox, PublinkFacts, useOnRealPcloud, viewerUrl } from './link-share';
import './links.css';

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
  const [errors, setErrors] = useState<Errors<PublinkForm> & { name?: string }>({});
  const create = useCreatePublink();
  const createTree = useCreateTreePublink();
  const pending = create.isPending || createTree.isPending;
  const error = target.kind === 'tree' ? createTree.error : create.error;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkPublinkForm(form);
    const nameError = target.kind === 'tree' && !name.trim() ? 'Give the shared selection a name: visitors see it as the folder name.' : undefined;
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
      toast({ kind: 'success', message: 'Public link created' });
      onCreated(created);
    } catch {
      /* shown below; the form keeps its input */
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create public link">
      <p className="muted link-intro">
        {target.kind === 'tree'
          ? 'Anyone with the link can see and download these items as they are now (later changes are not included).'
          : target.kind === 'folder'
            ? 'Anyone with the link can see and download everything in this folder, including later changes.'
            : 'Anyone with the link can see and download this file.'}
      </p>
      {target.kind === 'tree' && (
        <div className="field link-field">
          <label htmlFor="tree-name">Name shown to visitors</label>
          <input
            id="tree-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'tree-name-error' : undefined}
          />
          {errors.name && (
            <span id="tree-name-error" className="field-error" role="alert">
              {errors.name}
            </span>
          )}
        </div>
      )}
      <PublinkOptionsFields form={form} onChange={setForm} errors={errors} />
      <LinkError error={error} />
      <div className="dialog-actions">
        <button type="submit" className="btn primary" disabled={pending}>
          <Icon name="link" /> {pending ? 'Creating…' : 'Create link'}
        </button>
      </div>
    </form>
  );
}

function LinkView({ link, onEdit, onDeleted }: { link: Publink | PublinkCreated; onEdit: () => void; onDeleted: () => void }) {
  const real = useOnRealPcloud();
  const del = useDeletePublink();
  const [confirming, setConfirming] = useState(false);
  const full = 'metadata' in link ? (link as Publink) : null;
  const remove = async () => {
    try {
      await del.mutateAsync({ linkid: link.linkid });
      toast({ kind: 'success', message: 'Public link deleted' });
      onDeleted();
    } catch (err) {
      toast({ kind: 'error', message: `Could not delete the link: ${humanError(err)}` });
    }
  };
  return (
    <>
      <LinkShareBox url={viewerUrl(link.code)} label="Link to share" qrLabel="QR code of the link" pcloudUrl={real ? link.link : undefined} />
      {full ? <PublinkFacts link={full} /> : <p className="muted">Loading the link’s counters…</p>}
      {confirming ? (
        <div className="link-confirm" role="group" aria-label="Confirm deletion">
          <p>Delete this link? People who have it will no longer be able to open it. Your files stay as they are.</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Keep link
            </button>
            <button type="button" className="btn primary danger-fill" disabled={del.isPending} onClick={() => void remove()}>
              Delete link
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="btn danger" onClick={() => setConfirming(true)}>
            <Icon name="trash" /> Delete link
          </button>
          <button type="button" className="btn" disabled={!full} onClick={onEdit}>
            <Icon name="rename" /> Change options
          </button>
        </div>
      )}
    </>
  );
}

export default function PublinkDialog({ items, folder, onClose }: DialogProps) {
  const target = targetOf(items);
  const list = useQuery({ ...publinkListOptions(), refetchOnMount: 'always' });
  const [created, setCreated] = useState<PublinkCreated | null>(null);
  const [editing, setEditing] = useState(false);

  const listed = created ? list.data?.find((l) => l.linkid === created.linkid) : linkFor(list.data, target);
  const link: Publink | PublinkCreated | null = listed ?? created;
  const title = target.kind === 'tree' ? `Public link to ${target.count} items` : `Public link to “${target.name}”`;
  const defaultName = folder && folder.folderid !== 0 ? folder.name : 'Shared files';

  let body;
  if (items.length === 0) {
    body = <p className="muted">Select a file or folder first.</p>;
  } else if (list.isPending && target.kind !== 'tree') {
    body = <div className="loading" role="status" aria-label="Loading" />;
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
            Your existing links could not be checked: {humanError(list.error)}
            <button type="button" className="btn" onClick={() => void list.refetch()}>
              Try again
            </button>
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
