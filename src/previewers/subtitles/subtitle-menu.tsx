import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FileMetadata } from '../../api/protocol/types';
import type { PreviewSource } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { srtToVtt, subtitlesFor } from './srt';

/** Reads one subtitle file of the folder through the source and hands its WebVTT over. */
function FolderTrack({ file, source, onVtt }: { file: FileMetadata; source: PreviewSource; onVtt: (vtt: string | null) => void }) {
  const text = source.useText(file, true);
  useEffect(() => {
    if (text.data !== undefined) onVtt(srtToVtt(text.data));
    else if (text.error) onVtt(null);
  }, [text.data, text.error, onVtt]);
  return null;
}

/** Puts `vtt` on the video as its only track of ours, shown. */
function useTrack(video: RefObject<HTMLVideoElement | null>, vtt: string | null, label: string) {
  useEffect(() => {
    const el = video.current;
    if (!el || vtt === null) return;
    const url = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    const track = Object.assign(document.createElement('track'), { kind: 'subtitles', label, src: url, default: true });
    el.appendChild(track);
    track.track.mode = 'showing';
    return () => {
      track.track.mode = 'disabled';
      track.remove();
      URL.revokeObjectURL(url);
    };
  }, [video, vtt, label]);
}

/**
 * The subtitle menu: subtitle files named after the video in its folder (the first is on at start),
 * a file from this device, or none. SubRip is converted to WebVTT in the browser.
 */
export function SubtitleMenu({ video, file, source }: { video: RefObject<HTMLVideoElement | null>; file: FileMetadata; source: PreviewSource }) {
  const t = useT(previews);
  const candidates = useMemo(() => subtitlesFor(file, source.siblings(file)), [file, source]);
  const [choice, setChoice] = useState<string>(() => (candidates[0] ? String(candidates[0].file.fileid) : 'off'));
  const [local, setLocal] = useState<{ name: string; vtt: string } | null>(null);
  const [vtt, setVtt] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const chosen = candidates.find((c) => String(c.file.fileid) === choice);
  const label = chosen?.label ?? local?.name ?? '';
  useTrack(video, choice === 'off' ? null : choice === 'local' ? (local?.vtt ?? null) : vtt, label);

  return (
    <>
      {chosen && <FolderTrack key={chosen.file.fileid} file={chosen.file} source={source} onVtt={setVtt} />}
      <label className="quality">
        {t('subtitles')}{' '}
        <select
          value={choice}
          onChange={(e) => {
            if (e.target.value === 'pick') return picker.current?.click();
            setVtt(null);
            setChoice(e.target.value);
          }}
        >
          <option value="off">{t('subtitlesOff')}</option>
          {candidates.map((c) => (
            <option key={c.file.fileid} value={c.file.fileid}>
              {c.label}
            </option>
          ))}
          {local && <option value="local">{local.name}</option>}
          <option value="pick">{t('subtitlesFromFile')}</option>
        </select>
      </label>
      <input
        ref={picker}
        type="file"
        accept=".srt,.vtt,text/vtt,application/x-subrip"
        hidden
        aria-label={t('subtitlesPick')}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          try {
            setLocal({ name: f.name, vtt: srtToVtt(await f.text()) });
            setChoice('local');
            setBroken(false);
          } catch {
            setBroken(true);
          }
        }}
      />
      {broken && <span role="alert">{t('subtitlesBroken')}</span>}
    </>
  );
}
