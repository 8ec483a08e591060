// Subtitles for the video previewer: SubRip (.srt) converted to WebVTT, which browsers' <track> reads
// (WebVTT: https://www.w3.org/TR/webvtt1/), and the subtitle files that belong to a video.
import type { FileMetadata } from '../../api/protocol/types';

const TIME = /(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})/g;

/**
 * SubRip → WebVTT: a header, `,` → `.` in cue times, cue numbers dropped, `{\an8}`-style override
 * codes removed. Tags SubRip shares with WebVTT (<i>, <b>, <u>) stay; `<font>` goes (WebVTT has
 * none). Text that is WebVTT already is passed through with its line ends normalised.
 */
export function srtToVtt(text: string): string {
  const normal = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (/^WEBVTT(\s|$)/.test(normal)) return normal;
  const cues: string[] = [];
  for (const block of normal.split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l, i) => i > 0 || l.trim() !== '');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const timing = lines[at].replace(TIME, (_m, h: string, m: string, s: string, ms: string) => `${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.padStart(2, '0')}.${ms.padEnd(3, '0')}`);
    const body = lines
      .slice(at + 1)
      .map((l) => l.replace(/\{\\[^}]*\}/g, '').replace(/<\/?font[^>]*>/gi, ''))
      // a blank line would end the cue early; "-->" inside text is not allowed in WebVTT
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/-->/g, '->'));
    cues.push([timing.trim(), ...body].join('\n'));
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

const SUBTITLE = /\.(srt|vtt)$/i;

/** What a subtitle file's name adds after the video's base name: `movie.de.srt` → "de". */
function labelOf(video: string, sub: string): string {
  const rest = sub.slice(video.length).replace(SUBTITLE, '').replace(/^[._\s-]+/, '');
  return rest || sub;
}

export interface SubtitleFile {
  file: FileMetadata;
  label: string;
}

/** The .srt/.vtt files next to a video whose names start with its base name (`Movie.srt`, `Movie.en.vtt`). */
export function subtitlesFor(video: FileMetadata, siblings: readonly FileMetadata[]): SubtitleFile[] {
  const base = video.name.replace(/\.[^.]+$/, '').toLowerCase();
  return siblings
    .filter((f) => SUBTITLE.test(f.name) && f.name.toLowerCase().startsWith(base) && /^[._\s-]|^\.(srt|vtt)$/i.test(f.name.slice(base.length)))
    .map((file) => ({ file, label: labelOf(video.name.replace(/\.[^.]+$/, ''), file.name) }))
    .sort((a, b) => a.file.name.length - b.file.name.length || a.file.name.localeCompare(b.file.name));
}
