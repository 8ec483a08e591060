import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, useState, type ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as sharing from '../../api/sharing';
import * as general from '../../api/general';
import { PcloudError } from '../../api/errors';
import type { ShareLists, UserInfo } from '../../api/protocol/types';
import { folderMeta, testQueryClient, wrapperFor } from '../../queries/testing';
import { resetToastStore } from '../../stores/toasts';
import { resetLanguage, setLanguage } from '../../i18n';
import ShareDialog from './share-dialog';

vi.mock('../../api/sharing');
vi.mock('../../api/general');

const DATE = 'Wed, 02 Oct 2013 14:29:11 +0000';
const view = { canread: true, cancreate: false, canmodify: false, candelete: false };
const folder = folderMeta(10, 0, 'Plans');

/** An in-memory location, as React Router's MemoryRouter had: a followed link leaves the test page's URL alone. */
function MemoryRouter({ children }: { children: ReactNode }) {
  const [{ hook, searchHook }] = useState(() => memoryLocation({ path: '/' }));
  return createElement(Router, { hook, searchHook, children });
}

function renderDialog(lists: ShareLists) {
  vi.mocked(sharing.listShares).mockResolvedValue(lists);
  vi.mocked(general.userInfo).mockResolvedValue({ email: 'owner@x.io', emailverified: true } as UserInfo);
  const client = testQueryClient();
  const Wrapper = wrapperFor(client);
  render(createElement(MemoryRouter, null, createElement(Wrapper, null, createElement(ShareDialog, { kind: 'share', items: [folder], onClose: () => {} }))));
  return screen.getByRole('dialog', { name: 'Share “Plans”' });
}

beforeEach(() => vi.resetAllMocks());
afterEach(() => {
  cleanup();
  resetLanguage();
  resetToastStore();
});

describe('share dialog', () => {
  it('explains a bad address, keeps it, and sends nothing', async () => {
    const dialog = renderDialog({ shares: { outgoing: [] }, requests: { outgoing: [] } });
    const input = within(dialog).getByLabelText('Invite people');
    fireEvent.change(input, { target: { value: 'ann@example' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('“ann@example” is not a valid e-mail address.');
    expect(input).toHaveValue('ann@example');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(sharing.shareFolder).not.toHaveBeenCalled();
  });

  it('sends one request per address; what the server refuses stays in the form with its reason', async () => {
    const dialog = renderDialog({ shares: { outgoing: [] }, requests: { outgoing: [] } });
    vi.mocked(sharing.shareFolder).mockImplementation(async ({ mail }) => {
      if (mail === 'bob@x.io') throw new PcloudError(2019, 'Share request already exists.', 'sharefolder');
    });
    await within(dialog).findByText('Nobody else has access yet.');
    fireEvent.change(within(dialog).getByLabelText('Invite people'), { target: { value: 'ann@x.io, bob@x.io' } });
    fireEvent.change(within(dialog).getByLabelText('Permission'), { target: { value: '7' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Delete files and folders' }));
    fireEvent.change(within(dialog).getByLabelText('Message (optional)'), { target: { value: 'Hi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('bob@x.io: An invitation to this person is already waiting.');
    // "Can edit" minus delete = create + modify
    expect(sharing.shareFolder).toHaveBeenNthCalledWith(1, { folderid: 10, mail: 'ann@x.io', permissions: 3, message: 'Hi' });
    expect(sharing.shareFolder).toHaveBeenNthCalledWith(2, { folderid: 10, mail: 'bob@x.io', permissions: 3, message: 'Hi' });
    expect(within(dialog).getByLabelText('Invite people')).toHaveValue('bob@x.io');
    expect(within(dialog).getByLabelText('Message (optional)')).toHaveValue('Hi');
  });

  it('lists people for this folder only; a refused removal brings the row back with the reason', async () => {
    const dialog = renderDialog({
      shares: {
        outgoing: [
          { shareid: 1, folderid: 10, sharename: 'Plans', created: DATE, tomail: 'ann@x.io', touserid: 2, ...view, cancreate: true, candelete: true },
          { shareid: 2, folderid: 99, sharename: 'Other', created: DATE, tomail: 'zed@x.io', touserid: 3, ...view },
        ],
      },
      requests: { outgoing: [{ sharerequestid: 5, folderid: 10, sharename: 'Plans', created: DATE, expires: DATE, tomail: 'bob@x.io', ...view }] },
    });
    const list = await within(dialog).findByRole('list', { name: 'People with access to Plans' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).queryByText('zed@x.io')).toBeNull();
    expect(within(list).getByLabelText('Permission for ann@x.io')).toHaveDisplayValue('Can view, add and delete');
    expect(within(list).getByText('Invitation pending', { exact: false })).toBeInTheDocument();

    let refuse!: (e: unknown) => void;
    vi.mocked(sharing.removeShare).mockReturnValue(new Promise((_, reject) => (refuse = reject)));
    fireEvent.click(within(list).getByRole('button', { name: 'Remove access for ann@x.io' }));
    await waitFor(() => expect(within(list).queryByText('ann@x.io')).toBeNull());
    await act(async () => refuse(new PcloudError(2025, 'Invalid shareid.', 'removeshare')));
    expect(await within(list).findByRole('alert')).toHaveTextContent('Could not remove ann@x.io: This share no longer exists.');
    expect(within(list).getByText('ann@x.io')).toBeInTheDocument();
  });

  it('speaks German when the app does', async () => {
    await setLanguage('de');
    vi.mocked(sharing.listShares).mockResolvedValue({ shares: { outgoing: [] }, requests: { outgoing: [] } });
    vi.mocked(general.userInfo).mockResolvedValue({ email: 'owner@x.io', emailverified: true } as UserInfo);
    const Wrapper = wrapperFor(testQueryClient());
    render(createElement(MemoryRouter, null, createElement(Wrapper, null, createElement(ShareDialog, { kind: 'share', items: [folder], onClose: () => {} }))));
    const dialog = screen.getByRole('dialog', { name: '„Plans“ teilen' });
    await within(dialog).findByText('Noch hat niemand sonst Zugriff.');
    fireEvent.change(within(dialog).getByLabelText('Personen einladen'), { target: { value: 'a, b' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Einladung senden' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Diese E-Mail-Adressen sind ungültig: „a“, „b“.');
  });
});
