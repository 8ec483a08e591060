// The small "shared" mark next to a folder's name in listings (owner side: isshared; recipient
// side: a folder someone else owns).
import type { Metadata } from '../api/protocol/types';
import { useT } from '../i18n';
import browse from '../locales/en/browse';
import { Icon } from '../ui/icons';
import './shared-badge.css';

/** The browse-namespace key of the mark's text, or null when the item has none. */
export function sharedBadgeText(item: Metadata): 'sharedWithYou' | 'sharedWithOthers' | null {
  if (!item.isfolder) return null;
  if (item.ismine === false) return 'sharedWithYou';
  if (item.isshared) return 'sharedWithOthers';
  return null;
}

// rows of long listings: only a shared folder's row pays for the language subscription
function SharedMark({ textKey }: { textKey: 'sharedWithYou' | 'sharedWithOthers' }) {
  const text = useT(browse)(textKey);
  return (
    <span className="shared-badge" title={text}>
      <Icon name="share" size={14} label={text} />
    </span>
  );
}

export function SharedBadge({ item }: { item: Metadata }) {
  const key = sharedBadgeText(item);
  return key ? <SharedMark textKey={key} /> : null;
}
