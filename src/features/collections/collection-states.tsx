// Loading failures of the playlist views, and pCloud's refusal of collections to OAuth sign-ins.
import { NotAvailableWithSignIn, PCLOUD_WEB_AUDIO } from '../account/not-available';
import { humanError } from '../browse/operations';

export function CollectionsUnavailable() {
  return (
    <NotAvailableWithSignIn
      title="Playlists are not available with this sign-in"
      what="your playlists"
      href={PCLOUD_WEB_AUDIO}
      linkText="Open your music on pCloud"
    />
  );
}

export function LoadError({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  return (
    <div className="state-box" role="alert">
      <h2>{what} could not be loaded</h2>
      <p className="muted">{humanError(error)}</p>
      <button className="btn primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
