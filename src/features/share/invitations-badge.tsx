// Pending-invitation count for the "Shared" nav item (rendered by the shell). Silent while loading,
// on errors and at zero, so the nav never flickers or nags.
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n';
import share from '../../locales/en/share';
import { shareListOptions } from '../../queries/sharing';
import '../../widgets/shared-badge.css';

export function InvitationsBadge() {
  const t = useT(share);
  const { data: count = 0 } = useQuery({ ...shareListOptions(), select: (d) => d.requests?.incoming?.length ?? 0 });
  if (count === 0) return null;
  return (
    <span className="invitations-badge" aria-label={t('badgePending', { count })}>
      {new Intl.NumberFormat(t.locale).format(count)}
    </span>
  );
}
