import { describe, expect, it } from 'vitest';
import { collectionCreate, collectionDetails } from './collections';
import { jsonResponse, testClient } from './testing';

const COLLECTION = {
  id: 40, name: 'my music', type: 'audio', ismine: true, system: false, items: 11,
  created: 'Thu, 13 Feb 2014 12:34:22 +0000', modified: 'Tue, 18 Feb 2014 11:16:24 +0000',
};

describe('collections', () => {
  it('accepts `collection` as an object (collection_details) …', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0, collection: COLLECTION }));
    const { collection } = await collectionDetails({ collectionid: 40 }, { client });
    expect(collection.id).toBe(40);
    expect(new URLSearchParams(String(calls[0].init.body)).get('collectionid')).toBe('40');
  });

  it('… and as a one-element array (collection_create docs example)', async () => {
    const { client } = testClient(() => jsonResponse({ result: 0, collection: [COLLECTION] }));
    const { collection } = await collectionCreate({ name: 'my music', fileids: [599457] }, { client });
    expect(collection.name).toBe('my music');
  });
});
