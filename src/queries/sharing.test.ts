import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api/sharing';
import type { ShareLists } from '../api/types';
import { folderKeys } from './keys';
import { runMutation } from './mutations';
import {
  cancelShareRequestMutation, changeShareMutation, declineShareMutation, removeShareMutation, shareFolderMutation, shareKeys,
} from './sharing';
import { deferred, recordInvalidations, testQueryClient } from './testing';

vi.mock('../api/sharing');

const DATE = 'Wed, 02 Oct 2013 14:29:11 +0000';
const view = { canread: true, cancreate: false, canmodify: false, candelete: false };

function lists(): ShareLists {
  return {
    shares: {
      incoming: [{ shareid: 5, folderid: 50, sharename: 'In', created: DATE, frommail: 'o@x.io', fromuserid: 9, ...view }],
      outgoing: [
        { shareid: 1, folderid: 10, sharename: 'Out', created: DATE, tomail: 'a@x.io', touserid: 2, ...view },
        { shareid: 2, folderid: 10, sharename: 'Out', created: DATE, tomail: 'b@x.io', touserid: 3, ...view },
      ],
    },
    requests: {
      incoming: [{ sharerequestid: 7, folderid: 70, sharename: 'Offer', created: DATE, expires: DATE, frommail: 'o@x.io', ...view }],
      outgoing: [{ sharerequestid: 8, folderid: 10, sharename: 'Out', created: DATE, expires: DATE, tomail: 'c@x.io', ...view }],
    },
  };
}

beforeEach(() => vi.resetAllMocks());

describe('share writes answer at once', () => {
  it('changeshare shows the new permission before the reply and keeps it after', async () => {
    const call = deferred<void>();
    vi.mocked(api.changeShare).mockReturnValue(call.promise);
    vi.mocked(api.listShares).mockImplementation(() => new Promise(() => {}));
    const client = testQueryClient();
    client.setQueryData(shareKeys.list(), lists());
    const done = runMutation(client, changeShareMutation, { shareid: 1, permissions: 5 });
    await vi.waitFor(() => expect(api.changeShare).toHaveBeenCalledWith({ shareid: 1, permissions: 5 }));
    const out = client.getQueryData<ShareLists>(shareKeys.list())!.shares!.outgoing!;
    expect(out[0]).toMatchObject({ shareid: 1, cancreate: true, canmodify: false, candelete: true });
    expect(out[1]).toMatchObject({ shareid: 2, cancreate: false });
    call.resolve();
    await done;
  });

  it('a refused change puts the old permission back', async () => {
    vi.mocked(api.changeShare).mockRejectedValue(new Error('no'));
    const client = testQueryClient();
    client.setQueryData(shareKeys.list(), lists());
    await expect(runMutation(client, changeShareMutation, { shareid: 1, permissions: 7 })).rejects.toThrow('no');
    expect(client.getQueryData(shareKeys.list())).toEqual(lists());
  });

  it('removeshare drops the row at once and restores it when refused', async () => {
    const call = deferred<void>();
    vi.mocked(api.removeShare).mockReturnValue(call.promise);
    const client = testQueryClient();
    client.setQueryData(shareKeys.list(), lists());
    const done = runMutation(client, removeShareMutation, { shareid: 2, parentfolderid: 0 });
    await vi.waitFor(() => expect(api.removeShare).toHaveBeenCalledWith({ shareid: 2 }));
    expect(client.getQueryData<ShareLists>(shareKeys.list())!.shares!.outgoing!.map((s) => s.shareid)).toEqual([1]);
    call.reject(new Error('refused'));
    await expect(done).rejects.toThrow('refused');
    expect(client.getQueryData<ShareLists>(shareKeys.list())!.shares!.outgoing!.map((s) => s.shareid)).toEqual([1, 2]);
  });

  it('cancel and decline drop the request; the owner-side listing refreshes for the badge', async () => {
    vi.mocked(api.cancelShareRequest).mockResolvedValue();
    vi.mocked(api.declineShare).mockResolvedValue();
    vi.mocked(api.listShares).mockImplementation(() => new Promise(() => {}));
    const client = testQueryClient();
    client.setQueryData(shareKeys.list(), lists());
    const calls = recordInvalidations(client);
    await runMutation(client, cancelShareRequestMutation, { sharerequestid: 8, parentfolderid: 4 });
    expect(api.cancelShareRequest).toHaveBeenCalledWith({ sharerequestid: 8 });
    expect(calls).toEqual([shareKeys.all, folderKeys.detail(4)]);
    await runMutation(client, declineShareMutation, { sharerequestid: 7 });
    const after = client.getQueryData<ShareLists>(shareKeys.list())!;
    expect(after.requests!.incoming).toEqual([]);
    expect(after.requests!.outgoing).toEqual([]);
  });

  it('sharefolder never sends the parent id, but refreshes that listing', async () => {
    vi.mocked(api.shareFolder).mockResolvedValue();
    const client = testQueryClient();
    const calls = recordInvalidations(client);
    await runMutation(client, shareFolderMutation, { folderid: 10, mail: 'a@x.io', permissions: 0, parentfolderid: 3 });
    expect(api.shareFolder).toHaveBeenCalledWith({ folderid: 10, mail: 'a@x.io', permissions: 0 });
    expect(calls).toContainEqual(folderKeys.detail(3));
  });
});
