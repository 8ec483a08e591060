import { describe, expect, it } from 'vitest';
import { fileKind, type KindInput } from './file-kind';

const f = (name: string, category: KindInput['category'] = 0, contenttype = 'application/octet-stream', thumb = false): KindInput => ({
  name,
  category,
  contenttype,
  thumb,
});

describe('fileKind', () => {
  it('follows pCloud media categories', () => {
    expect(fileKind(f('a.jpg', 1, 'image/jpeg', true))).toBe('image');
    expect(fileKind(f('a.mp4', 2, 'video/mp4', true))).toBe('video');
    expect(fileKind(f('a.mp3', 3, 'audio/mpeg'))).toBe('audio');
    // an MPEG transport stream pCloud calls video is not TypeScript
    expect(fileKind(f('clip.ts', 2, 'video/mp2t'))).toBe('video');
  });

  it('shows an image only when pCloud can render it', () => {
    expect(fileKind(f('a.cr2', 1, 'image/x-canon-cr2', false))).toBe('other');
    expect(fileKind({ name: 'a.png', category: 1 })).toBe('image');
  });

  it('treats playlists as text although pCloud files them under audio', () => {
    expect(fileKind(f('list.m3u8', 3, 'audio/x-mpegurl'))).toBe('text');
    expect(fileKind(f('radio.pls', 3, 'audio/x-scpls'))).toBe('text');
    expect(fileKind(f('mix.m3u', 0, 'application/octet-stream'))).toBe('text');
    expect(fileKind(f('album.cue', 3, 'application/octet-stream'))).toBe('text');
  });

  it('knows documents, sheets and slides by extension or type', () => {
    expect(fileKind(f('a.pdf', 4, 'application/pdf'))).toBe('pdf');
    expect(fileKind(f('scan', 4, 'application/pdf'))).toBe('pdf');
    expect(fileKind(f('a.docx', 4))).toBe('document');
    expect(fileKind(f('a.odt', 4, 'application/vnd.oasis.opendocument.text'))).toBe('document');
    expect(fileKind(f('a.rtf', 4, 'text/rtf'))).toBe('document');
    for (const n of ['a.xlsx', 'a.xls', 'a.ods', 'a.csv', 'a.tsv']) expect(fileKind(f(n, 4, 'text/plain'))).toBe('spreadsheet');
    expect(fileKind(f('sheet', 4, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))).toBe('spreadsheet');
    expect(fileKind(f('a.pptx', 4))).toBe('presentation');
    expect(fileKind(f('a.odp', 4))).toBe('presentation');
    // no previewer for legacy binary formats: a download
    expect(fileKind(f('a.doc', 4, 'application/msword'))).toBe('other');
  });

  it('tells markdown, code and plain text apart, the name first', () => {
    expect(fileKind(f('README.md', 4, 'text/plain'))).toBe('markdown');
    expect(fileKind(f('notes', 4, 'text/markdown'))).toBe('markdown');
    expect(fileKind(f('main.ts', 4, 'text/plain'))).toBe('code');
    expect(fileKind(f('app.py', 4, 'text/x-python'))).toBe('code');
    expect(fileKind(f('data.json', 4, 'application/json'))).toBe('code');
    expect(fileKind(f('Makefile', 0))).toBe('code');
    expect(fileKind(f('page.html', 4, 'text/html'))).toBe('code');
    expect(fileKind(f('x', 0, 'application/javascript'))).toBe('code');
    expect(fileKind(f('a.txt', 4, 'text/plain'))).toBe('text');
    expect(fileKind(f('a.log', 0))).toBe('text');
    expect(fileKind(f('subs.srt', 0, 'application/x-subrip'))).toBe('text');
    expect(fileKind(f('unnamed', 0, 'text/plain'))).toBe('text');
  });

  it('finds archives and leaves the rest as other', () => {
    expect(fileKind(f('a.zip', 5, 'application/zip'))).toBe('archive');
    expect(fileKind(f('a.tar.gz', 5, 'application/gzip'))).toBe('archive');
    expect(fileKind(f('blob', 5))).toBe('archive');
    expect(fileKind(f('a.exe', 0, 'application/x-msdownload'))).toBe('other');
    expect(fileKind(f('c', 0))).toBe('other');
    expect(fileKind(f('a.bin', 0))).toBe('other');
  });
});
