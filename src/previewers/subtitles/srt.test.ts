import { describe, expect, it } from 'vitest';
import type { FileMetadata } from '../../api/protocol/types';
import { srtToVtt, subtitlesFor } from './srt';

describe('srtToVtt', () => {
  it('converts cues: header, dot milliseconds, numbers dropped, CRLF and BOM handled', () => {
    const srt = '\ufeff1\r\n00:00:01,000 --> 00:00:04,000\r\nHello\r\n\r\n2\r\n00:00:05,5 --> 00:00:08,250\r\nTwo\r\nlines\r\n';
    expect(srtToVtt(srt)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello\n\n00:00:05.500 --> 00:00:08.250\nTwo\nlines\n');
  });

  it('pads short hours, keeps <i>, drops <font> and override codes, defuses --> in text', () => {
    const vtt = srtToVtt('7\n0:01:02,003 --> 0:01:03,004\n{\\an8}<font color="red"><i>top</i></font> a --> b\n');
    expect(vtt).toBe('WEBVTT\n\n00:01:02.003 --> 00:01:03.004\n<i>top</i> a -> b\n');
  });

  it('skips blocks without timing and passes WebVTT through', () => {
    expect(srtToVtt('garbage\n\n1\n00:00:00,000 --> 00:00:01,000\nok\n')).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nok\n');
    expect(srtToVtt('WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nx\r\n')).toBe('WEBVTT\n\n00:00.000 --> 00:01.000\nx\n');
  });
});

describe('subtitlesFor', () => {
  const f = (name: string, fileid: number) => ({ name, fileid, isfolder: false }) as FileMetadata;
  it('finds .srt and .vtt files named after the video, labelled by what follows', () => {
    const video = f('Holiday.mp4', 1);
    const found = subtitlesFor(video, [video, f('Holiday.srt', 2), f('Holiday.de.vtt', 3), f('Holiday 2.srt', 4), f('Other.srt', 5), f('Holidays.srt', 6)]);
    expect(found.map((s) => [s.file.fileid, s.label])).toEqual([
      [2, 'Holiday.srt'],
      [4, '2'],
      [3, 'de'],
    ]);
  });
});
