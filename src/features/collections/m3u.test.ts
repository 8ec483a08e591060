import { describe, expect, it } from 'vitest';
import { decodePlaylist, matchPlaylist, parseM3u, playlistNameOf } from './m3u';

describe('parseM3u', () => {
  it('reads #EXTINF titles and durations and skips other comments', () => {
    const text = '\uFEFF#EXTM3U\r\n#PLAYLIST:Trip\r\n#EXTINF:215,Nina Simone - Feeling Good\r\nMusic/feeling good.mp3\r\n\r\n# a note\r\nother.mp3\r\n';
    const entries = parseM3u(text);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ line: 4, raw: 'Music/feeling good.mp3', title: 'Nina Simone - Feeling Good', duration: 215, kind: 'path', absolute: false, segments: ['Music', 'feeling good.mp3'] });
    expect(entries[1]).toMatchObject({ line: 7, segments: ['other.mp3'] });
    expect(entries[1].title).toBeUndefined();
  });

  it('ignores an unknown duration (-1) and EXTINF attributes', () => {
    const [e] = parseM3u('#EXTINF:-1 tvg-id="x",Live set\nset.mp3');
    expect(e.title).toBe('Live set');
    expect(e.duration).toBeUndefined();
  });

  it('turns Windows paths with drive letters into absolute segments', () => {
    const [e] = parseM3u('C:\\Users\\me\\Music\\Album\\01 Song.mp3');
    expect(e).toMatchObject({ absolute: true, segments: ['Users', 'me', 'Music', 'Album', '01 Song.mp3'] });
  });

  it('handles UNC paths, relative Windows paths and dot segments', () => {
    expect(parseM3u('\\\\nas\\share\\Music\\a.mp3')[0]).toMatchObject({ absolute: true, segments: ['Music', 'a.mp3'] });
    expect(parseM3u('..\\Other\\.\\b.mp3')[0]).toMatchObject({ absolute: false, segments: ['..', 'Other', 'b.mp3'] });
    expect(parseM3u('/Music/x/../y.mp3')[0]).toMatchObject({ absolute: true, segments: ['Music', 'y.mp3'] });
  });

  it('decodes URL-encoded names and file:// URLs', () => {
    expect(parseM3u('Music/Caf%C3%A9%20del%20Mar.mp3')[0].segments).toEqual(['Music', 'Café del Mar.mp3']);
    expect(parseM3u('file:///C:/Users/me/My%20Music/song.flac')[0]).toMatchObject({ kind: 'path', absolute: true, segments: ['Users', 'me', 'My Music', 'song.flac'] });
    expect(parseM3u('file:///home/me/a%20b.mp3')[0].segments).toEqual(['home', 'me', 'a b.mp3']);
  });

  it('keeps a name with a stray percent sign', () => {
    expect(parseM3u('100% pure.mp3')[0].segments).toEqual(['100% pure.mp3']);
    expect(parseM3u('100%25 and 50% off.mp3')[0].segments).toEqual(['100% and 50% off.mp3']);
  });

  it('marks web addresses as urls', () => {
    const [e] = parseM3u('https://radio.example/stream/live%20one.mp3');
    expect(e).toMatchObject({ kind: 'url', segments: ['stream', 'live one.mp3'] });
  });

  it('returns nothing for an empty or comment-only playlist', () => {
    expect(parseM3u('')).toEqual([]);
    expect(parseM3u('#EXTM3U\n#EXTINF:1,x\n')).toEqual([]);
  });
});

describe('decodePlaylist', () => {
  it('reads UTF-8 and falls back to Windows-1252 for legacy .m3u', () => {
    expect(decodePlaylist(new TextEncoder().encode('Café.mp3'), 'a.m3u')).toBe('Café.mp3');
    expect(decodePlaylist(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'a.m3u')).toBe('Café');
  });
});

describe('matchPlaylist', () => {
  const files = [
    { path: '/Music/Album/01 Song.mp3', file: 1 },
    { path: '/Music/Other/01 Song.mp3', file: 2 },
    { path: '/Music/Café del Mar.mp3', file: 3 },
    { path: '/Podcasts/episode.mp3', file: 4 },
    { path: '/Music/Nina Simone - Feeling Good.m4a', file: 5 },
  ];

  it('matches by exact path first, resolving relative entries against the playlist folder', () => {
    const entries = parseM3u('Other/01 Song.mp3\n/Music/Album/01 Song.mp3');
    const m = matchPlaylist(entries, files, '/Music');
    expect(m.matched.map((x) => [x.file, x.by])).toEqual([
      [2, 'path'],
      [1, 'path'],
    ]);
    expect(m.unmatched).toEqual([]);
  });

  it('falls back to the longest matching path tail, then the file name, case-insensitively', () => {
    const entries = parseM3u('C:\\Users\\me\\Music\\Other\\01 SONG.mp3\nD:\\x\\episode.MP3\ncaf%C3%A9 del mar.mp3');
    const m = matchPlaylist(entries, files);
    expect(m.matched.map((x) => [x.file, x.by])).toEqual([
      [2, 'name'],
      [4, 'name'],
      [3, 'name'],
    ]);
  });

  it('uses the #EXTINF title when the name matches nothing, and reports the rest', () => {
    const entries = parseM3u('#EXTINF:215,Nina Simone - Feeling Good\nlost/track07.mp3\n#EXTINF:10,Nobody\nmissing.mp3\nhttp://radio.example/live');
    const m = matchPlaylist(entries, files);
    expect(m.matched.map((x) => [x.file, x.by])).toEqual([[5, 'title']]);
    expect(m.unmatched.map((e) => e.raw)).toEqual(['missing.mp3', 'http://radio.example/live']);
  });
});

describe('playlistNameOf', () => {
  it('drops folders and the extension', () => {
    expect(playlistNameOf('C:\\lists\\Road trip.m3u8', 'Imported playlist')).toBe('Road trip');
    expect(playlistNameOf('.m3u', 'Imported playlist')).toBe('Imported playlist');
  });
});
