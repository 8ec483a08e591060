// The small "shared" mark next to a folder's name in listings (owner side: isshared; recipient
// side: a folder someone else owns).
import type { Metadata } from '../../api/protocol/types';
import { Icon } from '../../ui/icons';
import './shared-badge.css';

export function sharedBadgeText(item: Metadata): string | null {
  if (!item.isfolder) return null;
  if (item.ismine === false) return 'Shared with you';
  if (item.isshared) return 'Shared with others';
  return null;
}

export function SharedBadge({ item }: { item: Metadata }) {
  const text = sharedBadgeText(item);
  if (!text) return null;
  return (
    <span className="shared-badge" title={text}>
      <Icon name="share" size={14} label={text} />
    </span>
  );
}
