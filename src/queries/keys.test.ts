import { describe, expect, it } from 'vitest';
import { partialMatchKey } from '@tanstack/react-query';
import { archivingKeys } from './archiving';
import { authKeys } from './auth';
import { collectionKeys } from './collections';
import { fileOpsKeys } from './fileops';
import { fileHistoryOptions, generalKeys, userInfoOptions } from './general';
import { fileKeys, statOptions, checksumOptions } from './file';
import { folderKeys, folderListingOptions, subfoldersOptions, folderMetaOptions } from './folder';
import { isListingKey } from './keys';
import { newsletterKeys } from './newsletter';
import { oauthKeys } from './oauth';
import { publinkKeys } from './publinks';
import { revisionKeys, revisionsOptions } from './revisions';
import { shareKeys } from './sharing';
import { streamingKeys, fileLinkOptions } from './streaming';
import { thumbLinksKeyHasFile, thumbLinksOptions, thumbnailKeys } from './thumbnails';
import { transferKeys } from './transfer';
import { trashKeys } from './trash';
import { uploadKeys } from './upload';
import { uploadLinkKeys } from './uploadlinks';

const under = (key: readonly unknown[], prefix: readonly unknown[]) => partialMatchKey(key, prefix);

describe('key factories', () => {
  it('folder keys nest under the folder, as docs/architecture.md §3.2 shows', () => {
    expect(folderKeys.all).toEqual(['folder']);
    expect(folderKeys.detail(7)).toEqual(['folder', 7]);
    expect(folderKeys.list(7)).toEqual(['folder', 7, 'list']);
    expect(folderKeys.subfolders(7)).toEqual(['folder', 7, 'subfolders']);
    expect(folderKeys.meta(7)).toEqual(['folder', 7, 'meta']);
    for (const key of [folderKeys.list(7), folderKeys.subfolders(7), folderKeys.meta(7)]) {
      expect(under(key, folderKeys.detail(7))).toBe(true);
      expect(under(key, folderKeys.all)).toBe(true);
      expect(under(key, folderKeys.detail(70))).toBe(false);
    }
    expect(isListingKey(folderKeys.list(0))).toBe(true);
    expect(isListingKey(folderKeys.subfolders(0))).toBe(true);
    expect(isListingKey(folderKeys.meta(0))).toBe(false);
  });

  it('everything about one file sits under fileKeys.detail(fileid)', () => {
    expect(fileKeys.detail(5)).toEqual(['file', 5]);
    const perFile = [
      fileKeys.meta(5),
      fileKeys.checksum(5),
      revisionKeys.list(5),
      generalKeys.fileHistory(5),
      streamingKeys.fileLink(5, { forcedownload: true }),
      streamingKeys.hlsLink(5),
      streamingKeys.textFile(5),
      thumbnailKeys.link(5, '64x64'),
      fileOpsKeys.range(5, 0, 16),
    ];
    for (const key of perFile) {
      expect(under(key, fileKeys.detail(5))).toBe(true);
      expect(under(key, fileKeys.detail(6))).toBe(false);
    }
    expect(under(streamingKeys.fileLink(5), fileKeys.links(5))).toBe(true);
    expect(under(thumbnailKeys.link(5, '64x64'), fileKeys.links(5))).toBe(true);
  });

  it('queryOptions use their factory keys', () => {
    expect(folderListingOptions(3).queryKey).toEqual(folderKeys.list(3));
    expect(subfoldersOptions(3).queryKey).toEqual(folderKeys.subfolders(3));
    expect(folderMetaOptions(3).queryKey).toEqual(folderKeys.meta(3));
    expect(statOptions(4).queryKey).toEqual(fileKeys.meta(4));
    expect(checksumOptions(4).queryKey).toEqual(fileKeys.checksum(4));
    expect(revisionsOptions(4).queryKey).toEqual(revisionKeys.list(4));
    expect(fileHistoryOptions(4).queryKey).toEqual(generalKeys.fileHistory(4));
    expect(userInfoOptions().queryKey).toEqual(['general', 'userinfo']);
    expect(fileLinkOptions(4).queryKey).toEqual(['file', 4, 'link', 'file', {}]);
  });

  it('thumbnail batches sort ids so equal screens share an entry', () => {
    expect(thumbnailKeys.links([3, 1, 2], '64x64')).toEqual(['thumbnails', 'links', { size: '64x64' }, [1, 2, 3]]);
    expect(thumbLinksOptions([2, 1], { size: '64x64' }).queryKey).toEqual(thumbLinksOptions([1, 2], '64x64').queryKey);
    expect(thumbLinksKeyHasFile(thumbnailKeys.links([1, 2], '64x64'), 2)).toBe(true);
    expect(thumbLinksKeyHasFile(thumbnailKeys.links([1, 2], '64x64'), 9)).toBe(false);
    expect(thumbLinksKeyHasFile(fileKeys.meta(2), 2)).toBe(false);
  });

  it('every category has its own root and hierarchical children', () => {
    const roots: [readonly unknown[], (readonly unknown[])[]][] = [
      [trashKeys.all, [trashKeys.lists(), trashKeys.list(0), trashKeys.restorePath({ fileid: 1 })]],
      [shareKeys.all, [shareKeys.list(), shareKeys.request('abc')]],
      [publinkKeys.all, [publinkKeys.lists(), publinkKeys.list(), publinkKeys.shortList(), publinkKeys.show('c')]],
      [publinkKeys.lists(), [publinkKeys.list(), publinkKeys.shortList()]],
      [publinkKeys.public('c'), [publinkKeys.show('c'), publinkKeys.videoLinks({ code: 'c', fileid: 1 }), publinkKeys.zipLink({ code: 'c' })]],
      [uploadLinkKeys.all, [uploadLinkKeys.list(), uploadLinkKeys.public('x'), uploadLinkKeys.progress('x', 'h')]],
      [collectionKeys.all, [collectionKeys.lists(), collectionKeys.list({ type: 1 }), collectionKeys.page(9, { page: 2 })]],
      [collectionKeys.detail(9), [collectionKeys.page(9), collectionKeys.page(9, { page: 1 })]],
      [authKeys.all, [authKeys.tokens(), authKeys.invites()]],
      [generalKeys.all, [generalKeys.userInfo(), generalKeys.languages(), generalKeys.ip()]],
      [newsletterKeys.all, [newsletterKeys.status()]],
      [transferKeys.all, [transferKeys.progress('h')]],
      [uploadKeys.all, [uploadKeys.progress('h'), uploadKeys.info(3)]],
      [uploadKeys.session(3), [uploadKeys.info(3)]],
      [archivingKeys.all, [archivingKeys.zipLink({ fileids: [1] }), archivingKeys.saveZipProgress('h')]],
    ];
    for (const [root, children] of roots) for (const child of children) expect(under(child, root)).toBe(true);
    expect(oauthKeys.all).toEqual(['oauth']);
    expect(under(collectionKeys.page(10), collectionKeys.detail(9))).toBe(false);
  });
});
