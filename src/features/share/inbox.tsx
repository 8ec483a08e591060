// Invitations others sent me: accept (choosing the name and where it appears) or decline.
import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import type { ShareRequest } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import share from '../../locales/en/share';
import { formatDate } from '../../lib/format';
import { nameProblem } from '../../lib/items';
import { folderMetaOptions } from '../../queries/folder';
import { permissionBits, useAcceptShare, useDeclineShare } from '../../queries/sharing';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { ItemIcon } from '../../ui/icons';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { errorMessage } from '../../i18n/error-message';
import { permissionLabel } from './permissions';
import { Button } from '../../ui/button';
import { DialogActions } from '../../ui/dialog-actions';
import { EmptyState } from '../../ui/empty-state';


const FOLDER = { isfolder: true, icon: 'folder' } as const;
const NO_EXCLUDE: ReadonlySet<number> = new Set();

function PlaceName({ folderid }: { folderid: number }) {
  const meta = useQuery({ ...folderMetaOptions(folderid), enabled: folderid !== 0 });
  const t = useT(share);
  if (folderid === 0) return <span className="share-place-name">{t('myFiles')}</span>;
  return (
    <span className="share-place-name" dir="auto">
      {meta.data?.name ?? '…'}
    </span>
  );
}

function AcceptDialog({ request, onClose }: { request: ShareRequest; onClose: () => void }) {
  const accept = useAcceptShare();
  const [, navigate] = useLocation();
  const t = useT(share);
  const tc = useT(common);
  const ids = useId();
  const [name, setName] = useState(request.sharename);
  const [parent, setParent] = useState(0);
  const [always, setAlways] = useState(false);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = nameProblem(name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setError(null);
    try {
      await accept.mutateAsync({
        sharerequestid: request.sharerequestid,
        name: name.trim(),
        ...(parent === 0 ? {} : { folderid: parent }),
        ...(always ? { always: true } : {}),
      });
      onClose();
      toast({
        kind: 'success',
        message: t('accepted', { name: name.trim() }),
        action: { label: tc('open'), run: () => navigate(paths.folder(request.folderid)) },
      });
    } catch (err) {
      // the form stays as typed, with the server's reason
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <Dialog
        open={!picking}
        onOpenChange={(o) => !o && onClose()}
        title={t('acceptTitle', { name: request.sharename })}
        description={t('acceptDescription', {
          from: request.frommail ?? t('anotherUser'),
          permission: permissionLabel(permissionBits(request), t).toLocaleLowerCase(t.locale),
        })}
      >
        <form className="accept-form" onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span>{t('nameInFiles')}</span>
            <input
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={problem || error ? true : undefined}
              aria-describedby={[problem ? `${ids}-problem` : '', error ? `${ids}-error` : ''].filter(Boolean).join(' ') || undefined}
            />
          </label>
          {problem && (
            <p id={`${ids}-problem`} className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="share-place">
            <span className="muted">{t('placeIn')}</span>
            <ItemIcon item={FOLDER} size={18} />
            <PlaceName folderid={parent} />
            <Button onClick={() => setPicking(true)}>
              {t('change')}
            </Button>
          </div>
          <label className="share-check share-gap">
            <input type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} />
            <span>{t.rich('alwaysAccept', { from: <span dir="auto">{request.frommail ?? t('thisPerson')}</span> })}</span>
          </label>
          {error && (
            <p id={`${ids}-error`} className="inline-alert share-gap" role="alert">
              {t('acceptFailed', { error })}
            </p>
          )}
          <DialogActions onCancel={onClose} submitLabel={t('accept')} busy={accept.isPending} busyLabel={t('accepting')} disabled={!!problem} />
        </form>
      </Dialog>
      {picking && (
        <FolderPickerDialog
          open
          title={t('pickTitle')}
          action={t('pickAction')}
          exclude={NO_EXCLUDE}
          onClose={() => setPicking(false)}
          onPick={(id) => {
            setParent(id);
            setPicking(false);
          }}
        />
      )}
    </>
  );
}

function DeclineDialog({ request, onClose }: { request: ShareRequest; onClose: () => void }) {
  const decline = useDeclineShare();
  const [block, setBlock] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT(share);
  const from = request.frommail ?? t('thisPerson');

  const submit = async () => {
    setError(null);
    try {
      await decline.mutateAsync({ sharerequestid: request.sharerequestid, ...(block ? { block: true } : {}) });
      onClose();
      toast({ kind: 'info', message: t('declined', { name: request.sharename }) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('declineTitle', { name: request.sharename })}
      description={request.frommail ? t('declineDescription', { from: request.frommail }) : t('declineDescriptionAnon')}
    >
      <label className="share-check share-gap">
        <input type="checkbox" checked={block} onChange={(e) => setBlock(e.target.checked)} />
        <span>{t.rich('blockFuture', { from: <span dir="auto">{from}</span> })}</span>
      </label>
      {error && (
        <p className="inline-alert share-gap" role="alert">
          {t('declineFailed', { error })}
        </p>
      )}
      <DialogActions onCancel={onClose} cancelLabel={t('keepIt')} submitLabel={t('decline')} onSubmit={() => void submit()} busy={decline.isPending} danger />
    </Dialog>
  );
}

type Pending = { kind: 'accept' | 'decline'; request: ShareRequest } | null;

export function Inbox({ requests }: { requests: readonly ShareRequest[] }) {
  const [pending, setPending] = useState<Pending>(null);
  const t = useT(share);
  const ids = useId();
  if (requests.length === 0) {
    return (
      <EmptyState className="empty" title={t('noInvitations')} text={t('noInvitationsHint')} />
    );
  }
  return (
    <>
      <ul className="share-cards" aria-label={t('tabInvitations')}>
        {requests.map((r) => (
          <li key={r.sharerequestid} className="share-card" aria-label={t('invitationTo', { name: r.sharename })}>
            <div className="share-card-head">
              <ItemIcon item={FOLDER} size={28} />
              <div className="share-card-title">
                <strong id={`${ids}-${r.sharerequestid}-name`} dir="auto">
                  {r.sharename}
                </strong>
                <span className="muted share-sub">
                  {t.rich('fromExpires', {
                    from: <span dir="auto">{r.frommail ?? t('anotherUser')}</span>,
                    permission: permissionLabel(permissionBits(r), t),
                    date: formatDate(r.expires, t.locale),
                  })}
                </span>
              </div>
              <div className="share-card-actions">
                {/* each button's name includes the folder's: "Accept… Holiday", "Decline Holiday" */}
                <Button
                  variant="primary"
                  id={`${ids}-${r.sharerequestid}-accept`}
                  aria-labelledby={`${ids}-${r.sharerequestid}-accept ${ids}-${r.sharerequestid}-name`}
                  onClick={() => setPending({ kind: 'accept', request: r })}
                >
                  {t('acceptEllipsis')}
                </Button>
                <Button
                  id={`${ids}-${r.sharerequestid}-decline`}
                  aria-labelledby={`${ids}-${r.sharerequestid}-decline ${ids}-${r.sharerequestid}-name`}
                  onClick={() => setPending({ kind: 'decline', request: r })}
                >
                  {t('decline')}
                </Button>
              </div>
            </div>
            {r.message && (
              <p className="share-note" dir="auto">
                {r.message}
              </p>
            )}
          </li>
        ))}
      </ul>
      {pending?.kind === 'accept' && <AcceptDialog request={pending.request} onClose={() => setPending(null)} />}
      {pending?.kind === 'decline' && <DeclineDialog request={pending.request} onClose={() => setPending(null)} />}
    </>
  );
}
