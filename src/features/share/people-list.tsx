// Who has access to a folder I own: established shares (permission can change) and pending
// invitations (can be cancelled). Used by the share dialog and by "Shared by me".
import { useState } from 'react';
import type { Share, ShareRequest } from '../../api/protocol/types';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import share from '../../locales/en/share';
import { formatDate } from '../../lib/format';
import {
  EDIT_PERMISSIONS, permissionBits, useCancelShareRequest, useChangeShare, useRemoveShare, VIEW_PERMISSIONS,
} from '../../queries/sharing';
import { toast } from '../../stores/toasts';
import { errorMessage } from '../../i18n/error-message';
import { levelOf, permissionLabel } from './permissions';
import { Button } from '../../ui/button';

/** View / Edit, plus the share's own mix when it is neither (so the current value is always shown). */
export function PermissionSelect({ bits, label, onChange, disabled }: { bits: number; label: string; onChange: (bits: number) => void; disabled?: boolean }) {
  const t = useT(share);
  const custom = levelOf(bits) === 'custom';
  return (
    <select className="share-select" aria-label={label} value={String(bits)} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
      <option value={String(VIEW_PERMISSIONS)}>{t('canView')}</option>
      <option value={String(EDIT_PERMISSIONS)}>{t('canEdit')}</option>
      {custom && <option value={String(bits)}>{permissionLabel(bits, t)}</option>}
    </select>
  );
}

export function Initial({ email }: { email: string }) {
  return (
    <span className="share-avatar" aria-hidden="true">
      {(email.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}

interface PeopleListProps {
  shares: readonly Share[];
  requests: readonly ShareRequest[];
  /** The shared folder's parent, so its "shared" badge follows when the last person goes. */
  parentfolderid?: number;
  /** Accessible name of the list. */
  label: string;
}

/** Rows answer at once (the cached list is edited first); a refusal puts the row back with the reason. */
export function PeopleList({ shares, requests, parentfolderid, label }: PeopleListProps) {
  const change = useChangeShare();
  const remove = useRemoveShare();
  const cancel = useCancelShareRequest();
  const t = useT(share);
  const tc = useT(common);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());

  const setError = (key: string, message: string | null) =>
    setErrors((prev) => {
      const next = new Map(prev);
      if (message === null) next.delete(key);
      else next.set(key, message);
      return next;
    });

  const attempt = async (key: string, work: () => Promise<unknown>, failure: string, success?: string) => {
    setError(key, null);
    try {
      await work();
      if (success) toast({ kind: 'success', message: success });
    } catch (err) {
      setError(key, t('rowError', { action: failure, error: errorMessage(err) }));
    }
  };

  if (shares.length === 0 && requests.length === 0) {
    return <p className="muted share-empty">{t('nobodyYet')}</p>;
  }

  return (
    <ul className="share-people" aria-label={label}>
      {shares.map((s) => {
        const key = `s${s.shareid}`;
        const who = s.tomail ?? t('userId', { id: String(s.touserid ?? '') });
        const bits = permissionBits(s);
        return (
          <li key={key} className="share-person">
            <Initial email={who} />
            <div className="share-who">
              <span className="share-mail" dir="auto" title={who}>
                {who}
              </span>
              <span className="muted share-sub">{t('accessSince', { date: formatDate(s.created, t.locale) })}</span>
            </div>
            <PermissionSelect
              bits={bits}
              label={t('permissionFor', { who })}
              onChange={(next) =>
                void attempt(
                  key,
                  () => change.mutateAsync({ shareid: s.shareid, permissions: next }),
                  t('changeFailed', { who }),
                  t('permissionChanged', { who, permission: permissionLabel(next, t).toLocaleLowerCase(t.locale) }),
                )
              }
            />
            <Button
              variant="danger"
              aria-label={t('removeAccessFor', { who })}
              onClick={() => void attempt(key, () => remove.mutateAsync({ shareid: s.shareid, parentfolderid }), t('removeFailed', { who }), t('removed', { who }))}
            >
              {tc('remove')}
            </Button>
            {errors.get(key) && (
              <p className="field-error share-row-error" role="alert">
                {errors.get(key)}
              </p>
            )}
          </li>
        );
      })}
      {requests.map((r) => {
        const key = `r${r.sharerequestid}`;
        const who = r.tomail ?? '';
        return (
          <li key={key} className="share-person pending">
            <Initial email={who} />
            <div className="share-who">
              <span className="share-mail" dir="auto" title={who}>
                {who}
              </span>
              <span className="muted share-sub">{t('invitationPending', { date: formatDate(r.expires, t.locale) })}</span>
            </div>
            <span className="share-perm-text">{permissionLabel(permissionBits(r), t)}</span>
            <Button
              aria-label={t('cancelInvitationTo', { who })}
              onClick={() =>
                void attempt(key, () => cancel.mutateAsync({ sharerequestid: r.sharerequestid, parentfolderid }), t('cancelFailed', { who }), t('invitationCancelled', { who }))
              }
            >
              {t('cancelInvitation')}
            </Button>
            {errors.get(key) && (
              <p className="field-error share-row-error" role="alert">
                {errors.get(key)}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
