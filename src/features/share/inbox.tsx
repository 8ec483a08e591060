// Invitations others sent me: accept (choosing the name and where it appears) or decline.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ShareRequest } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { formatDate } from '../../lib/format';
import { nameProblem } from '../../lib/items';
import { folderMetaOptions } from '../../queries/folder';
import { permissionBits, useAcceptShare, useDeclineShare } from '../../queries/sharing';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { ItemIcon } from '../../ui/icons';
import { FolderPickerDialog } from '../browse/dialogs';
import { humanError } from '../browse/operations';
import { permissionLabel } from './permissions';

const FOLDER = { isfolder: true, icon: 'folder' } as const;
const NO_EXCLUDE: ReadonlySet<number> = new Set();

function PlaceName({ folderid }: { folderid: number }) {
  const meta = useQuery({ ...folderMetaOptions(folderid), enabled: folderid !== 0 });
  if (folderid === 0) return <span className="share-place-name">My files</span>;
  return (
    <span className="share-place-name" dir="auto">
      {meta.data?.name ?? '…'}
    </span>
  );
}

function AcceptDialog({ request, onClose }: { request: ShareRequest; onClose: () => void }) {
  const accept = useAcceptShare();
  const navigate = useNavigate();
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
        message: `You now have access to “${name.trim()}”`,
        action: { label: 'Open', run: () => navigate(paths.folder(request.folderid)) },
      });
    } catch (err) {
      // the form stays as typed, with the server's reason
      setError(humanError(err));
    }
  };

  return (
    <>
      <Dialog open={!picking} onOpenChange={(o) => !o && onClose()} title={`Accept “${request.sharename}”`} description={`Shared by ${request.frommail ?? 'another pCloud user'} · ${permissionLabel(permissionBits(request)).toLowerCase()}`}>
        <form className="accept-form" onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span>Name in your files</span>
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem || error ? true : undefined} />
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="share-place">
            <span className="muted">Place in</span>
            <ItemIcon item={FOLDER} size={18} />
            <PlaceName folderid={parent} />
            <button type="button" className="btn" onClick={() => setPicking(true)}>
              Change…
            </button>
          </div>
          <label className="share-check share-gap">
            <input type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} />
            <span>
              Always accept folders from <span dir="auto">{request.frommail ?? 'this person'}</span>
            </span>
          </label>
          {error && (
            <p className="inline-alert share-gap" role="alert">
              Could not accept: {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={!!problem || accept.isPending}>
              {accept.isPending ? 'Accepting…' : 'Accept'}
            </button>
          </div>
        </form>
      </Dialog>
      {picking && (
        <FolderPickerDialog
          open
          title="Place the shared folder in"
          action="Place"
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
  const from = request.frommail ?? 'this person';

  const submit = async () => {
    setError(null);
    try {
      await decline.mutateAsync({ sharerequestid: request.sharerequestid, ...(block ? { block: true } : {}) });
      onClose();
      toast({ kind: 'info', message: `Declined “${request.sharename}”` });
    } catch (err) {
      setError(humanError(err));
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Decline “${request.sharename}”?`} description={`${from} will be told you declined.`}>
      <label className="share-check share-gap">
        <input type="checkbox" checked={block} onChange={(e) => setBlock(e.target.checked)} />
        <span>
          Also decline all future invitations from <span dir="auto">{from}</span>
        </span>
      </label>
      {error && (
        <p className="inline-alert share-gap" role="alert">
          Could not decline: {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="btn primary danger-fill" disabled={decline.isPending} onClick={() => void submit()}>
          Decline
        </button>
      </div>
    </Dialog>
  );
}

type Pending = { kind: 'accept' | 'decline'; request: ShareRequest } | null;

export function Inbox({ requests }: { requests: readonly ShareRequest[] }) {
  const [pending, setPending] = useState<Pending>(null);
  if (requests.length === 0) {
    return (
      <div className="state-box empty">
        <h2>No invitations</h2>
        <p className="muted">When someone shares a folder with you, the invitation waits here until you accept or decline it.</p>
      </div>
    );
  }
  return (
    <>
      <ul className="share-cards" aria-label="Invitations">
        {requests.map((r) => (
          <li key={r.sharerequestid} className="share-card" aria-label={`Invitation to ${r.sharename}`}>
            <div className="share-card-head">
              <ItemIcon item={FOLDER} size={28} />
              <div className="share-card-title">
                <strong dir="auto">{r.sharename}</strong>
                <span className="muted share-sub">
                  From <span dir="auto">{r.frommail ?? 'another pCloud user'}</span> · {permissionLabel(permissionBits(r))} · expires {formatDate(r.expires)}
                </span>
              </div>
              <div className="share-card-actions">
                <button type="button" className="btn primary" onClick={() => setPending({ kind: 'accept', request: r })}>
                  Accept…
                </button>
                <button type="button" className="btn" onClick={() => setPending({ kind: 'decline', request: r })}>
                  Decline
                </button>
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
