import { describe, expect, it } from 'vitest';
import type { Metadata } from '../api/protocol/types';
import { THUMB_PAGE, thumbBatches } from './use-thumbs';

const D = 'Wed, 02 Oct 2013 14:29:11 +0000';
const items: Metadata[] = Array.from({ length: 2 * THUMB_PAGE + 5 }, (_, i) =>
  i === 0
    ? { isfolder: true, folderid: 1, id: 'd1', name: 'folder', created: D, modified: D, ismine: true, isshared: false, icon: 'folder', thumb: false }
    : { isfolder: false, fileid: i, id: `f${i}`, name: `f${i}.jpg`, created: D, modified: D, ismine: true, isshared: false, icon: 'image', thumb: i % 7 !== 0, size: 1, contenttype: 'image/jpeg', hash: '1', category: 1 },
);

describe('thumbBatches', () => {
  it('asks for whole pages around the items shown, files with thumbnails only', () => {
    const [page] = thumbBatches(items, 3, 10);
    expect(page).toHaveLength(THUMB_PAGE - 1 - Math.floor((THUMB_PAGE - 1) / 7));
    expect(page).not.toContain(7);
    expect(page[0]).toBe(1);
  });

  it('gives one batch per page that the shown items reach, the same for any item of it', () => {
    expect(thumbBatches(items, THUMB_PAGE - 1, THUMB_PAGE)).toHaveLength(2);
    expect(thumbBatches(items, THUMB_PAGE + 1, THUMB_PAGE + 2)).toEqual(thumbBatches(items, THUMB_PAGE + 3, THUMB_PAGE + 4));
    expect(thumbBatches(items, 2 * THUMB_PAGE, items.length - 1)).toEqual([[96, 97, 99, 100]]);
    expect(thumbBatches(items, 5, 4)).toEqual([]);
  });
});
