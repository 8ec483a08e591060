// Every row of the method table has a typed function in src/api, named camelCase after the method
// (lower-cased and without underscores it equals the wire name).
import { describe, expect, it } from 'vitest';
import { METHODS, type Category } from './protocol/methods';
import * as archiving from './archiving';
import * as auth from './auth';
import * as collections from './collections';
import * as file from './file';
import * as fileops from './fileops';
import * as folder from './folder';
import * as general from './general';
import * as newsletter from './newsletter';
import * as oauth from './oauth';
import * as publinks from './publinks';
import * as revisions from './revisions';
import * as sharing from './sharing';
import * as streaming from './streaming';
import * as thumbnails from './thumbnails';
import * as transfer from './transfer';
import * as trash from './trash';
import * as upload from './upload';
import * as uploadlinks from './uploadlinks';

const MODULES: Record<Category, Record<string, unknown>> = {
  archiving, auth, collections, file, fileops, folder, general, newsletter, oauth, publinks,
  revisions, sharing, streaming, thumbnails, transfer, trash, upload, uploadlinks,
};

describe('method coverage', () => {
  it.each(METHODS.map((m) => [m.name, m.category] as const))('%s has a function in %s.ts', (name, category) => {
    const wanted = name.replace(/_/g, '');
    const match = Object.entries(MODULES[category]).find(
      ([exported, value]) => typeof value === 'function' && exported.toLowerCase() === wanted,
    );
    expect(match, `${category}.ts should export a function for ${name}`).toBeDefined();
  });
});
