import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as sharing from '../../api/sharing';
import { testQueryClient, wrapperFor } from '../../queries/testing';
import { InvitationsBadge } from './invitations-badge';

vi.mock('../../api/sharing');
beforeEach(() => vi.resetAllMocks());
afterEach(cleanup);

const DATE = 'Wed, 02 Oct 2013 14:29:11 +0000';
const offer = (id: number) => ({ sharerequestid: id, folderid: id, sharename: `F${id}`, created: DATE, expires: DATE, canread: true, cancreate: false, canmodify: false, candelete: false });

function show() {
  const Wrapper = wrapperFor(testQueryClient());
  return render(createElement(Wrapper, null, createElement('nav', null, 'Shared', createElement(InvitationsBadge))));
}

describe('InvitationsBadge', () => {
  it('counts pending incoming invitations', async () => {
    vi.mocked(sharing.listShares).mockResolvedValue({ requests: { incoming: [offer(1), offer(2)], outgoing: [offer(3)] } });
    show();
    expect(await screen.findByLabelText('2 pending invitations')).toHaveTextContent('2');
  });

  it('shows nothing at zero or when the list cannot be loaded', async () => {
    vi.mocked(sharing.listShares).mockResolvedValue({ requests: { incoming: [] } });
    const { container } = show();
    await vi.waitFor(() => expect(sharing.listShares).toHaveBeenCalled());
    expect(container.querySelector('.invitations-badge')).toBeNull();
    cleanup();
    vi.mocked(sharing.listShares).mockRejectedValue(new Error('offline'));
    const again = show();
    await vi.waitFor(() => expect(sharing.listShares).toHaveBeenCalledTimes(2));
    expect(again.container.querySelector('.invitations-badge')).toBeNull();
  });
});
