import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage, setLanguage } from '../../i18n';
import type { FileMetadata, FolderMetadata, Metadata } from '../../api/types';
import { describeContents, indexFolders, trail, zipName } from './tree';

const D = 'Wed, 02 Oct 2013 14:29:11 +0000';
const folder = (folderid: number, name: string, contents: Metadata[] = []): FolderMetadata => ({
  isfolder: true, folderid, id: `d${folderid}`, name, created: D, modified: D, ismine: false, isshared: false, icon: 'folder', thumb: false, contents,
});
const file = (fileid: number, name: string, extra: Partial<FileMetadata> = {}): FileMetadata => ({
  isfolder: false, fileid, id: `f${fileid}`, name, created: D, modified: D, ismine: false, isshared: false, icon: 'file', thumb: false,
  size: 10, contenttype: 'application/octet-stream', hash: '1', category: 0, ...extra,
});

const root = folder(0, 'Shared stuff', [folder(7, 'Trip', [folder(8, 'Day 1', [file(3, 'x.jpg')])]), file(1, 'b.txt'), file(2, 'A.txt')]);

describe('trail', () => {
  it('walks from the link root to a nested folder', () => {
    expect(trail(indexFolders(root), 8).map((f) => f.name)).toEqual(['Shared stuff', 'Trip', 'Day 1']);
  });
  it('falls back to the root for an unknown or missing folder id', () => {
    expect(trail(indexFolders(root), 999).map((f) => f.name)).toEqual(['Shared stuff']);
    expect(trail(indexFolders(root), null).map((f) => f.name)).toEqual(['Shared stuff']);
  });
});

describe('describeContents / zipName', () => {
  afterEach(() => resetLanguage());
  it('counts folders and files', () => {
    expect(describeContents(root.contents ?? [])).toBe('1 folder, 2 files');
    expect(describeContents([])).toBe('Empty folder');
    expect(describeContents([file(1, 'a'), file(2, 'b')])).toBe('2 files');
  });
  it('counts in the app\'s language, with its digits', async () => {
    await setLanguage('de');
    expect(describeContents(root.contents ?? [])).toBe('1 Ordner, 2 Dateien');
    expect(describeContents(Array.from({ length: 2000 }, (_, i) => file(i, `f${i}`)))).toBe('2.000 Dateien');
  });
  it('makes a safe zip name', () => {
    expect(zipName('Trip: day/1')).toBe('Trip day 1.zip');
    expect(zipName('  ')).toBe('download.zip');
  });
});
