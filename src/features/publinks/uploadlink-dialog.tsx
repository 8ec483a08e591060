// "Create upload link": people without an account can drop files into this folder. The API needs a
// comment (it is all uploaders see), so the form asks for one first.
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../routing/paths';
import type { UploadLink, UploadLinkCreated } from '../../api/types';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { uploadLinkListOptions, useCreateUploadLink } from '../../queries/uploadlinks';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { LinkError } from './edit-forms';
import { UploadLinkOptionsFields } from './link-fields';
import { checkUploadLinkForm, emptyUploadLinkForm, uploadLinkCreateParams, type Errors, type UploadLinkForm } from './link-options';
import { CopyButton, dropUrl, LinkShareBox, UploadLinkFacts, useOnRealPcloud } from './link-share';
import './links.css';
import { buttonClass } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


function Created({ created, listed, onClose }: { created: UploadLinkCreated; listed: UploadLink | undefined; onClose: () => void }) {
  const real = useOnRealPcloud();
  const t = useT(links);
  const tc = useT(common);
  return (
    <>
      <LinkShareBox url={dropUrl(created.code)} label={t('uploadLinkToShare')} qrLabel={t('qrOfUploadLink')} pcloudUrl={real ? created.link : undefined} />
      {listed ? (
        <UploadLinkFacts link={listed} />
      ) : (
        <dl className="facts link-facts">
          <dt>{t('email')}</dt>
          <dd>
            <span className="link-url-text">{created.mail}</span>{' '}
            <CopyButton text={created.mail} what="Email" className={buttonClass({ variant: 'ghost' })}>
              {tc('copy')}
            </CopyButton>
          </dd>
        </dl>
      )}
      <p className="muted link-intro">{t('emailAttachments')}</p>
      <DialogActions submitLabel={t('done')} onSubmit={onClose}>
        <Link className={buttonClass({ className: 'plain-link' })} to={`${paths.links}?tab=upload`} onClick={onClose}>
          {t('manageUploadLinks')}
        </Link>
      </DialogActions>
    </>
  );
}

export default function UploadLinkDialog({ items, folder, onClose }: DialogProps) {
  const target = items[0] ?? folder;
  const folderid = target?.isfolder ? target.folderid : undefined;
  const t = useT(links);
  const folderName = !target ? '' : folderid === 0 ? t('myFiles') : target.name;
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
      toast({ kind: 'success', message: t('uploadLinkCreated') });
      setCreated(res);
    } catch {
      /* shown below; the form keeps its input */
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('uploadLinkTitle', { name: folderName })} wide>
      {folderid === undefined ? (
        <p className="muted">{t('chooseFolder')}</p>
      ) : created ? (
        <Created created={created} listed={listed} onClose={onClose} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('createUploadLink')}>
          <p className="muted link-intro">{t('uploadIntro')}</p>
          {others.length > 0 && (
            <p className="link-note">
              {t('alreadyHas', { count: others.length })}{' '}
              <Link to={`${paths.links}?tab=upload`} onClick={onClose}>
                {t('seeOnLinksPage')}
              </Link>
            </p>
          )}
          <UploadLinkOptionsFields form={form} onChange={setForm} errors={errors} commentEditable />
          <LinkError error={create.error} />
          <DialogActions onCancel={onClose} submitIcon="upload" submitLabel={t('createUploadLink')} busy={create.isPending} busyLabel={t('creating')} />
        </form>
      )}
    </Dialog>
  );
}
