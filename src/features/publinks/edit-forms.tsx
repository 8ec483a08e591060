// Changing an existing link (changepublink / changeuploadlink): only what changed is sent, the
// form keeps its input on errors, and the server's message is shown as text.
import { useState, type FormEvent } from 'react';
import { isPcloudError } from '../../api/errors';
import type { Publink, UploadLink } from '../../api/types';
import { useT } from '../../i18n';
import links from '../../locales/en/links';
import { useSendVerificationEmail } from '../../queries/auth';
import { useChangePublink } from '../../queries/publinks';
import { useChangeUploadLink } from '../../queries/uploadlinks';
import { toast } from '../../stores/toasts';
import { errorMessage } from '../../i18n/error-message';
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
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';

/** An API failure as a calm inline message, with the one fix we can offer when there is one. */
export function LinkError({ error }: { error: unknown }) {
  const send = useSendVerificationEmail();
  const t = useT(links);
  if (!error) return null;
  // the one refusal with a remedy the user can start from here: send the verification e-mail
  const unverified = isPcloudError(error) && error.reason === 'emailUnverified';
  return (
    <div className="inline-alert link-alert" role="alert">
      {unverified ? t('needsVerifiedEmail') : errorMessage(error)}
      {unverified && (
        <Button
          disabled={send.isPending || send.isSuccess}
          onClick={() =>
            send.mutate(undefined, {
              onSuccess: () => toast({ kind: 'success', message: t('verificationSent') }),
              onError: (err) => toast({ kind: 'error', message: t('verificationFailed', { error: errorMessage(err) }) }),
            })
          }
        >
          {send.isSuccess ? t('emailSent') : t('sendVerification')}
        </Button>
      )}
    </div>
  );
}

export function PublinkEditForm({ link, onDone, onCancel }: { link: Publink; onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<PublinkForm>(() => publinkToForm(link));
  const [errors, setErrors] = useState<Errors<PublinkForm>>({});
  const change = useChangePublink();
  const t = useT(links);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkPublinkForm(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const diff = publinkChanges(link, checked.values);
    if (!diff) return onDone();
    try {
      await change.mutateAsync({ linkid: link.linkid, ...diff });
      toast({ kind: 'success', message: t('linkUpdated') });
      onDone();
    } catch {
      /* shown below from change.error; the form keeps its input */
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('changeLink')}>
      <PublinkOptionsFields form={form} onChange={setForm} errors={errors} />
      <LinkError error={change.error} />
      <DialogActions onCancel={onCancel} submitLabel={t('saveChanges')} busy={change.isPending} busyLabel={t('saving')} />
    </form>
  );
}

export function UploadLinkEditForm({ link, onDone, onCancel }: { link: UploadLink; onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<UploadLinkForm>(() => uploadLinkToForm(link));
  const [errors, setErrors] = useState<Errors<UploadLinkForm>>({});
  const change = useChangeUploadLink();
  const t = useT(links);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUploadLinkForm(form, { requireComment: false });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const diff = uploadLinkChanges(link, checked.values);
    if (!diff) return onDone();
    try {
      await change.mutateAsync({ uploadlinkid: link.uploadlinkid, ...diff });
      toast({ kind: 'success', message: t('uploadLinkUpdated') });
      onDone();
    } catch {
      /* shown below from change.error; the form keeps its input */
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('changeUploadLink')}>
      <UploadLinkOptionsFields form={form} onChange={setForm} errors={errors} commentEditable={false} />
      <LinkError error={change.error} />
      <DialogActions onCancel={onCancel} submitLabel={t('saveChanges')} busy={change.isPending} busyLabel={t('saving')} />
    </form>
  );
}
