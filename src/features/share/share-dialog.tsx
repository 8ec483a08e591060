// Share a folder with people: invite by e-mail with a permission, then manage who has access.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { PcloudError } from '../../api/errors';
import type { FolderMetadata } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import share from '../../locales/en/share';
import { userInfoOptions } from '../../queries/general';
import { EDIT_PERMISSIONS, shareListOptions, useShareFolder, VIEW_PERMISSIONS } from '../../queries/sharing';
import type { DialogProps } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { errorMessage } from '../../i18n/error-message';
import { Initial, PeopleList } from './people-list';
import { ADVANCED_RIGHTS, levelOf, parseEmails } from './permissions';
import './share.css';
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';


interface Failure {
  email: string;
  message: string;
  /** The owner must verify their e-mail before sharing; the account page can resend the mail. */
  needsVerifiedEmail: boolean;
}

function InviteForm({ folder, ownEmail }: { folder: FolderMetadata; ownEmail?: string }) {
  const shareFolder = useShareFolder();
  const t = useT(share);
  const ids = useId();
  const [emails, setEmails] = useState('');
  const [bits, setBits] = useState(VIEW_PERMISSIONS);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [busy, setBusy] = useState(false);
  const level = levelOf(bits);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEmails(emails, t, ownEmail);
    setProblem(parsed.problem);
    setFailures([]);
    if (parsed.problem) return;
    setBusy(true);
    const failed: Failure[] = [];
    const sent: string[] = [];
    // one request per address, in order, so each refusal is reported next to its address
    for (const mail of parsed.emails) {
      try {
        await shareFolder.mutateAsync({
          folderid: folder.folderid,
          mail,
          permissions: bits,
          ...(message.trim() ? { message: message.trim() } : {}),
          parentfolderid: folder.parentfolderid,
        });
        sent.push(mail);
      } catch (err) {
        failed.push({ email: mail, message: errorMessage(err), needsVerifiedEmail: err instanceof PcloudError && err.reason === 'emailUnverified' });
      }
    }
    setBusy(false);
    setFailures(failed);
    // what failed stays in the form to fix and resend; what worked moves to the list below
    setEmails(failed.map((f) => f.email).join(', '));
    if (failed.length === 0) setMessage('');
    if (sent.length) toast({ kind: 'success', message: sent.length === 1 ? t('sentTo', { email: sent[0] }) : t('sentCount', { count: sent.length }) });
  };

  const errorId = `${ids}-error`;
  const invalid = problem !== null || failures.length > 0;
  return (
    <form className="share-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="share-invite-row">
        <label className="field share-invite-mail">
          <span>{t('invitePeople')}</span>
          <input
            type="text"
            inputMode="email"
            autoComplete="email"
            autoFocus
            placeholder={t('emailPlaceholder')}
            value={emails}
            onChange={(e) => {
              setEmails(e.target.value);
              setProblem(null);
            }}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${errorId} ${ids}-hint` : `${ids}-hint`}
          />
        </label>
        <div className="field">
          <label htmlFor={`${ids}-permission`}>{t('permission')}</label>
          <select
            id={`${ids}-permission`}
            className="share-select"
            value={level === 'custom' ? 'custom' : String(bits)}
            onChange={(e) => {
              if (e.target.value !== 'custom') setBits(Number(e.target.value));
            }}
          >
            <option value={String(VIEW_PERMISSIONS)}>{t('canView')}</option>
            <option value={String(EDIT_PERMISSIONS)}>{t('canEdit')}</option>
            {level === 'custom' && <option value="custom">{t('customSeeAdvanced')}</option>}
          </select>
        </div>
      </div>
      <span id={`${ids}-hint`} className="muted share-hint">
        {t('separateHint')}
      </span>
      <details className="share-advanced">
        <summary>{t('advanced')}</summary>
        <fieldset>
          <legend className="muted">{t('advancedLegend')}</legend>
          {ADVANCED_RIGHTS.map((r) => (
            <label key={r.bit} className="share-check">
              <input type="checkbox" checked={(bits & r.bit) !== 0} onChange={(e) => setBits(e.target.checked ? bits | r.bit : bits & ~r.bit)} />
              {t(r.label)}
            </label>
          ))}
        </fieldset>
      </details>
      <label className="field">
        <span>{t('messageOptional')}</span>
        <textarea className="share-message" rows={2} maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      {(problem || failures.length > 0) && (
        <div id={errorId} className="inline-alert share-errors" role="alert">
          {problem && <p>{problem}</p>}
          {failures.map((f) => (
            <p key={f.email}>
              {t.rich('failure', { email: <span dir="auto">{f.email}</span>, error: f.message })}
              {f.needsVerifiedEmail && (
                <>
                  {' '}
                  <Link to={paths.account}>{t('verifyEmailLink')}</Link>.
                </>
              )}
            </p>
          ))}
        </div>
      )}
      <DialogActions submitLabel={t('sendInvitation')} busy={busy} busyLabel={t('sending')} />
    </form>
  );
}

export default function ShareDialog({ items, onClose }: DialogProps) {
  const folder = items[0];
  const lists = useQuery(shareListOptions());
  const me = useQuery(userInfoOptions());
  const headingId = useId();
  const t = useT(share);
  const tc = useT(common);
  if (!folder?.isfolder) return null;

  const shares = (lists.data?.shares?.outgoing ?? []).filter((s) => s.folderid === folder.folderid);
  const requests = (lists.data?.requests?.outgoing ?? []).filter((r) => r.folderid === folder.folderid);

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('shareTitle', { name: folder.name })} description={t('shareDescription')} wide>
      {folder.ismine === false ? (
        <p className="inline-alert" role="alert">
          {t('onlyOwner')}
        </p>
      ) : (
        <InviteForm folder={folder} ownEmail={me.data?.email} />
      )}
      <section className="share-access" aria-labelledby={headingId}>
        <h3 id={headingId} className="share-heading">
          {t('peopleWithAccess')}
        </h3>
        {me.data && (
          <div className="share-person owner">
            <Initial email={me.data.email} />
            <div className="share-who">
              <span className="share-mail" dir="auto" title={me.data.email}>
                {me.data.email}
              </span>
              <span className="muted share-sub">{t('you')}</span>
            </div>
            <span className="share-perm-text">{t('owner')}</span>
          </div>
        )}
        {lists.isPending ? (
          <div className="loading small" role="status" aria-label={t('loadingPeople')} />
        ) : lists.isError ? (
          <div className="inline-alert" role="alert">
            {t('loadPeopleFailed', { error: errorMessage(lists.error) })}{' '}
            <Button variant="ghost" onClick={() => void lists.refetch()}>
              {tc('tryAgain')}
            </Button>
          </div>
        ) : (
          <PeopleList shares={shares} requests={requests} parentfolderid={folder.parentfolderid} label={t('peopleWithAccessTo', { name: folder.name })} />
        )}
      </section>
    </Dialog>
  );
}
