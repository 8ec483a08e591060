// Every write invalidates exactly the keys it changed (runMutation runs the same options object the
// hooks use; hook wiring itself is covered in folder/file tests).
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { MutationOptions, QueryKey } from '@tanstack/react-query';
import * as archivingApi from '../api/archiving';
import * as authApi from '../api/auth';
import * as collectionsApi from '../api/collections';
import * as generalApi from '../api/general';
import * as newsletterApi from '../api/newsletter';
import * as publinksApi from '../api/publinks';
import * as revisionsApi from '../api/revisions';
import * as sharingApi from '../api/sharing';
import * as thumbnailsApi from '../api/thumbnails';
import * as trashApi from '../api/trash';
import * as uploadApi from '../api/upload';
import * as uploadlinksApi from '../api/uploadlinks';
import { saveZipMutation } from './archiving';
import { changePasswordMutation, deleteTokenMutation, authKeys, verifyEmailMutation } from './auth';
import {
  collectionKeys,
  createCollectionMutation,
  deleteCollectionMutation,
  linkCollectionFilesMutation,
  moveCollectionItemMutation,
  renameCollectionMutation,
} from './collections';
import { fileKeys } from './file';
import { folderKeys } from './folder';
import { feedbackMutation, generalKeys, setLanguageMutation } from './general';
import { runMutation } from './mutations';
import { newsletterKeys, newsletterSubscribeMutation } from './newsletter';
import {
  changePublinkMutation,
  copyPubFileMutation,
  createPublinkMutation,
  deletePublinkMutation,
  publinkDownloadMutation,
  publinkKeys,
} from './publinks';
import { revertRevisionMutation } from './revisions';
import {
  acceptShareMutation,
  cancelShareRequestMutation,
  changeShareMutation,
  declineShareMutation,
  removeShareMutation,
  shareFolderMutation,
  shareKeys,
} from './sharing';
import { recordInvalidations, fileMeta, folderMeta, testQueryClient } from './testing';
import { saveThumbMutation } from './thumbnails';
import { clearTrashMutation, restoreFromTrashMutation, trashKeys } from './trash';
import { uploadKeys, uploadSaveMutation } from './upload';
import {
  changeUploadLinkMutation,
  createUploadLinkMutation,
  deleteUploadLinkMutation,
  uploadLinkKeys,
} from './uploadlinks';

vi.mock('../api/archiving');
vi.mock('../api/auth');
vi.mock('../api/collections');
vi.mock('../api/general');
vi.mock('../api/newsletter');
vi.mock('../api/publinks');
vi.mock('../api/revisions');
vi.mock('../api/sharing');
vi.mock('../api/thumbnails');
vi.mock('../api/trash');
vi.mock('../api/upload');
vi.mock('../api/uploadlinks');

afterEach(() => vi.resetAllMocks());

const sorted = (keys: readonly (QueryKey | '*')[]) => keys.map((k) => JSON.stringify(k)).sort();

interface Case {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of heterogeneous mutations
  options: MutationOptions<any, any, any, any>;
  variables: unknown;
  api: unknown;
  reply?: unknown;
  expected: QueryKey[];
}

const collection = { id: 9, name: 'c', type: 'audio', ismine: true, system: false, items: 0, created: '', modified: '' };

const cases: Case[] = [
  { name: 'setlanguage', options: setLanguageMutation, variables: { language: 'de' }, api: generalApi.setLanguage, expected: [generalKeys.userInfo()] },
  { name: 'feedback', options: feedbackMutation, variables: { mail: 'a', reason: 'b', message: 'c' }, api: generalApi.feedback, expected: [] },
  {
    name: 'trash_restore',
    options: restoreFromTrashMutation,
    variables: { fileid: 5 },
    api: trashApi.trashRestore,
    reply: { metadata: fileMeta(5, 10) },
    expected: [trashKeys.all, generalKeys.userInfo(), folderKeys.detail(10)],
  },
  {
    name: 'trash_restore folder',
    options: restoreFromTrashMutation,
    variables: { folderid: 7, restoreto: 0 },
    api: trashApi.trashRestore,
    reply: { metadata: folderMeta(7, 0) },
    expected: [trashKeys.all, generalKeys.userInfo(), folderKeys.detail(7), folderKeys.detail(0)],
  },
  { name: 'trash_clear', options: clearTrashMutation, variables: { folderid: 0 }, api: trashApi.trashClear, expected: [trashKeys.all, generalKeys.userInfo()] },
  {
    name: 'revertrevision',
    options: revertRevisionMutation,
    variables: { fileid: 5, revisionid: 2 },
    api: revisionsApi.revertRevision,
    reply: { metadata: fileMeta(5, 10) },
    expected: [fileKeys.detail(5), generalKeys.userInfo(), folderKeys.detail(10)],
  },
  {
    name: 'sharefolder',
    options: shareFolderMutation,
    variables: { folderid: 10, mail: 'x@y', permissions: 0 },
    api: sharingApi.shareFolder,
    expected: [shareKeys.all, folderKeys.meta(10)],
  },
  { name: 'acceptshare', options: acceptShareMutation, variables: { sharerequestid: 1 }, api: sharingApi.acceptShare, expected: [shareKeys.all, folderKeys.detail(0)] },
  { name: 'declineshare', options: declineShareMutation, variables: { sharerequestid: 1 }, api: sharingApi.declineShare, expected: [shareKeys.all] },
  { name: 'cancelsharerequest', options: cancelShareRequestMutation, variables: { sharerequestid: 1 }, api: sharingApi.cancelShareRequest, expected: [shareKeys.all] },
  { name: 'removeshare', options: removeShareMutation, variables: { shareid: 1 }, api: sharingApi.removeShare, expected: [shareKeys.all] },
  { name: 'changeshare', options: changeShareMutation, variables: { shareid: 1, permissions: 7 }, api: sharingApi.changeShare, expected: [shareKeys.all] },
  { name: 'getfilepublink', options: createPublinkMutation, variables: { fileid: 5 }, api: publinksApi.getFilePublink, reply: { linkid: 1 }, expected: [publinkKeys.lists()] },
  { name: 'getfolderpublink', options: createPublinkMutation, variables: { folderid: 10 }, api: publinksApi.getFolderPublink, reply: { linkid: 1 }, expected: [publinkKeys.lists()] },
  { name: 'deletepublink', options: deletePublinkMutation, variables: { linkid: 1 }, api: publinksApi.deletePublink, expected: [publinkKeys.lists()] },
  { name: 'changepublink', options: changePublinkMutation, variables: { linkid: 1, maxdownloads: 3 }, api: publinksApi.changePublink, reply: {}, expected: [publinkKeys.lists()] },
  {
    name: 'copypubfile',
    options: copyPubFileMutation,
    variables: { code: 'c', fileid: 5, tofolderid: 10 },
    api: publinksApi.copyPubFile,
    reply: { metadata: fileMeta(50, 10) },
    expected: [generalKeys.userInfo(), folderKeys.detail(10)],
  },
  { name: 'getpublinkdownload', options: publinkDownloadMutation, variables: { code: 'c' }, api: publinksApi.getPublinkDownload, reply: { hosts: [], path: '/' }, expected: [] },
  { name: 'createuploadlink', options: createUploadLinkMutation, variables: { folderid: 1, comment: 'x' }, api: uploadlinksApi.createUploadLink, reply: {}, expected: [uploadLinkKeys.list()] },
  { name: 'deleteuploadlink', options: deleteUploadLinkMutation, variables: { uploadlinkid: 1 }, api: uploadlinksApi.deleteUploadLink, expected: [uploadLinkKeys.list()] },
  { name: 'changeuploadlink', options: changeUploadLinkMutation, variables: { uploadlinkid: 1 }, api: uploadlinksApi.changeUploadLink, expected: [uploadLinkKeys.list()] },
  { name: 'collection_create', options: createCollectionMutation, variables: { name: 'c' }, api: collectionsApi.collectionCreate, reply: { collection }, expected: [collectionKeys.lists()] },
  { name: 'collection_rename', options: renameCollectionMutation, variables: { collectionid: 9, name: 'd' }, api: collectionsApi.collectionRename, reply: { collection }, expected: [collectionKeys.lists(), collectionKeys.detail(9)] },
  { name: 'collection_delete', options: deleteCollectionMutation, variables: { collectionid: 9 }, api: collectionsApi.collectionDelete, expected: [collectionKeys.lists(), collectionKeys.detail(9)] },
  { name: 'collection_linkfiles', options: linkCollectionFilesMutation, variables: { collectionid: 9, fileids: [1] }, api: collectionsApi.collectionLinkFiles, reply: { linkresult: [] }, expected: [collectionKeys.lists(), collectionKeys.detail(9)] },
  { name: 'collection_move', options: moveCollectionItemMutation, variables: { collectionid: 9, item: 1, position: 2 }, api: collectionsApi.collectionMove, expected: [collectionKeys.detail(9)] },
  { name: 'deletetoken', options: deleteTokenMutation, variables: { tokenid: 1 }, api: authApi.deleteToken, expected: [authKeys.tokens()] },
  { name: 'changepassword', options: changePasswordMutation, variables: { oldpassword: 'a', newpassword: 'b' }, api: authApi.changePassword, expected: [authKeys.tokens()] },
  { name: 'verifyemail', options: verifyEmailMutation, variables: { code: 'c' }, api: authApi.verifyEmail, reply: { email: 'e', userid: 1 }, expected: [generalKeys.userInfo()] },
  { name: 'newsletter_subscribe', options: newsletterSubscribeMutation, variables: { mail: 'm' }, api: newsletterApi.newsletterSubscribe, reply: { verifymail: true }, expected: [newsletterKeys.status()] },
  {
    name: 'upload_save',
    options: uploadSaveMutation,
    variables: { uploadid: 3, folderid: 10, name: 'n' },
    api: uploadApi.uploadSave,
    reply: { metadata: { ...fileMeta(60, 10), deletedfileid: 59 } },
    expected: [uploadKeys.session(3), generalKeys.userInfo(), fileKeys.detail(60), fileKeys.detail(59), folderKeys.detail(10)],
  },
  {
    name: 'savezip',
    options: saveZipMutation,
    variables: { folderid: 1, tofolderid: 10, toname: 'a.zip' },
    api: archivingApi.saveZip,
    reply: { metadata: fileMeta(70, 10) },
    expected: [generalKeys.userInfo(), folderKeys.detail(10)],
  },
  {
    name: 'savethumb',
    options: saveThumbMutation,
    variables: { fileid: 5, size: '64x64', tofolderid: 11 },
    api: thumbnailsApi.saveThumb,
    reply: { metadata: fileMeta(71, 11), width: 64, height: 64 },
    expected: [folderKeys.detail(11)],
  },
];

describe('mutations invalidate exactly what they change', () => {
  it.each(cases)('$name', async ({ options, variables, api, reply, expected }) => {
    (api as Mock).mockResolvedValue(reply);
    const client = testQueryClient();
    const calls = recordInvalidations(client);
    await runMutation(client, options, variables);
    expect(api).toHaveBeenCalledTimes(1);
    expect(sorted(calls)).toEqual(sorted(expected));
  });

  it('a failed plain write invalidates nothing', async () => {
    vi.mocked(sharingApi.removeShare).mockRejectedValue(new Error('boom'));
    const client = testQueryClient();
    const calls = recordInvalidations(client);
    await expect(runMutation(client, removeShareMutation, { shareid: 1 })).rejects.toThrow('boom');
    expect(calls).toEqual([]);
  });
});
