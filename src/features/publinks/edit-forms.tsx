// Changing an existing link (changepublink / changeuploadlink): only what changed is sent, the
// form keeps its input on errors, and the server's message is shown as text.
import { useState, type FormEvent } from 'react';
import { isPcloudError } from '../../api/errors';
import type { Publink, UploadLink } from '../../api/types';
import { useSendVerificationEmail } from '../../queries/auth';
import { useChangePublink } from '../../queries/publinks';
import { useChangeUploadLink } from '../../queries/uploadlinks';
import { toast } from '../../stores/toasts';
import { humanError } from '../browse/operations';
import { PublinkOptionsFields, UploadLinkOptionsFields } from './link-fields';
import {
  checkPublinkForm,
  checkUploadLinkForm,
  publinkChanges,
  publinkToForm,
  uploadLinkChanges,
  uploadLinkToForm,
  type Errors,
  type PublinkForm,
  type UploadLinkForm,
} from './link-options';

// 2014 shares the 'forbidden' kind with "not your file"; only this code has a remedy the user can
// start from here (send the verification e-mail), so it is told apart by its number.
const UNVERIFIED_EMAIL = 2014;

/** An API failure as a calm inline message, with the one fix we can offer when there is one. */
export function LinkError({ error }: { error: unknown }) {
  const send = useSendVerificationEmail();
  if (!error) return null;
  const unverified = isPcloudError(error) && error.code === UNVERIFIED_EMAIL;
  return (
    <div className="inline-alert link-alert" role="alert">
      {unverified ? 'Links can be made once your e-mail address is verified.' : humanError(error)}
      {unverified && (
        <button
          type="button"
          className="btn"
          disabled={send.isPending || send.isSuccess}
          onClick={() =>
            send.mutate(undefined, {
              onSuccess: () => toast({ kind: 'success', message: 'Verification e-mail sent. Follow its link, then try again.' }),
              onError: (err) => toast({ kind: 'error', message: `Could not send the verification e-mail: ${humanError(err)}` }),
            })
          }
        >
          {send.isSuccess ? 'E-mail sent' : 'Send verification e-mail'}
        </button>
      )}
    </div>
  );
}

export function PublinkEditForm({ link, onDone, onCancel }: { link: Publink; onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<PublinkForm>(() => publinkToForm(link));
  const [errors, setErrors] = useState<Errors<PublinkForm>>({});
  const change = useChangePublink();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkPublinkForm(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const diff = publinkChanges(link, checked.values);
    if (!diff) return onDone();
    try {
      await change.mutateAsync({ linkid: link.linkid, ...diff });
      toast({ kind: 'success', message: 'Link updated' });
      onDone();
    } catch {
      /* shown below from change.error; the form keeps its input */
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Change link">
      <PublinkOptionsFields form={form} onChange={setForm} errors={errors} />
      <LinkError error={change.error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

export function UploadLinkEditForm({ link, onDone, onCancel }: { link: UploadLink; onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<UploadLinkForm>(() => uploadLinkToForm(link));
  const [errors, setErrors] = useState<Errors<UploadLinkForm>>({});
  const change = useChangeUploadLink();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUploadLinkForm(form, { requireComment: false });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const diff = uploadLinkChanges(link, checked.values);
    if (!diff) return onDone();
    try {
      await change.mutateAsync({ uploadlinkid: link.uploadlinkid, ...diff });
      toast({ kind: 'success', message: 'Upload link updated' });
      onDone();
    } catch {
      /* shown below from change.error; the form keeps its input */
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Change upload link">
      <UploadLinkOptionsFields form={form} onChange={setForm} errors={errors} commentEditable={false} />
      <LinkError error={change.error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
