// "Create upload link": people without an account can drop files into this folder. The API needs a
// comment (it is all uploaders see), so the form asks for one first.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../app/paths';
import type { UploadLink, UploadLinkCreated } from '../../api/types';
import { uploadLinkListOptions, useCreateUploadLink } from '../../queries/uploadlinks';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon } from '../../ui/icons';
import { copyToClipboard } from './clipboard';
import { LinkError } from './edit-forms';
import { UploadLinkOptionsFields } from './link-fields';
import { checkUploadLinkForm, emptyUploadLinkForm, uploadLinkCreateParams, type Errors, type UploadLinkForm } from './link-options';
import { dropUrl, LinkShareBox, UploadLinkFacts, useOnRealPcloud } from './link-share';
import './links.css';

function Created({ created, listed, onClose }: { created: UploadLinkCreated; listed: UploadLink | undefined; onClose: () => void }) {
  const real = useOnRealPcloud();
  return (
    <>
      <LinkShareBox url={dropUrl(created.code)} label="Upload link to share" qrLabel="QR code of the upload link" pcloudUrl={real ? created.link : undefined} />
      {listed ? (
        <UploadLinkFacts link={listed} />
      ) : (
        <dl className="facts link-facts">
          <dt>E-mail address</dt>
          <dd>
            <span className="link-url-text">{created.mail}</span>{' '}
            <button type="button" className="btn link" onClick={() => void copyToClipboard(created.mail, 'E-mail address')}>
              Copy
            </button>
          </dd>
        </dl>
      )}
      <p className="muted link-intro">Files sent to the e-mail address as attachments land in the same folder.</p>
      <div className="dialog-actions">
        <Link className="btn plain-link" to={`${paths.links}?tab=upload`} onClick={onClose}>
          Manage upload links
        </Link>
        <button type="button" className="btn primary" onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}

export default function UploadLinkDialog({ items, folder, onClose }: DialogProps) {
  const target = items[0] ?? folder;
  const folderid = target?.isfolder ? target.folderid : undefined;
  const folderName = !target ? '' : folderid === 0 ? 'My files' : target.name;
  const [form, setForm] = useState<UploadLinkForm>(emptyUploadLinkForm);
  const [errors, setErrors] = useState<Errors<UploadLinkForm>>({});
  const [created, setCreated] = useState<UploadLinkCreated | null>(null);
  const create = useCreateUploadLink();
  const list = useQuery({ ...uploadLinkListOptions(), refetchOnMount: 'always' });
  const others = (list.data ?? []).filter((l) => l.metadata?.folderid === folderid && l.uploadlinkid !== created?.uploadlinkid);
  const listed = created ? list.data?.find((l) => l.uploadlinkid === created.uploadlinkid) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (folderid === undefined) return;
    const checked = checkUploadLinkForm(form, { requireComment: true });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const res = await create.mutateAsync({ folderid, ...uploadLinkCreateParams(checked.values) });
      toast({ kind: 'success', message: 'Upload link created' });
      setCreated(res);
    } catch {
      /* shown below; the form keeps its input */
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Upload link to “${folderName}”`} wide>
      {folderid === undefined ? (
        <p className="muted">Choose one of your folders first.</p>
      ) : created ? (
        <Created created={created} listed={listed} onClose={onClose} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create upload link">
          <p className="muted link-intro">Anyone with the link can upload files into this folder. They cannot see what is in it.</p>
          {others.length > 0 && (
            <p className="link-note">
              This folder already has {others.length === 1 ? 'an upload link' : `${others.length} upload links`}.{' '}
              <Link to={`${paths.links}?tab=upload`} onClick={onClose}>
                See them on the Links page
              </Link>
            </p>
          )}
          <UploadLinkOptionsFields form={form} onChange={setForm} errors={errors} commentEditable />
          <LinkError error={create.error} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={create.isPending}>
              <Icon name="upload" /> {create.isPending ? 'Creating…' : 'Create upload link'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
