import { displayName } from '../../i18n/display-name';
import { useEffect, useRef } from 'react';
import { SpeedSelect } from '../video/playback-tools';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import player from '../../locales/en/player';
import viewer from '../../locales/en/viewer';
import { ItemIcon } from '../../ui/icons';
import './audio.css';

/**
 * Audio: handed to the source's own player when it has one (the signed-in mini-player keeps playing
 * while the visitor browses, with the folder as its queue), else played in the page.
 */
export default function AudioPreviewer({ file, source }: PreviewerProps) {
  const t = useT(viewer);
  const tp = useT(player);
  const handOff = source.playAudio;
  const audio = source.useAudioUrl(file, !handOff);
  const element = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    handOff?.(file);
  }, [handOff, file]);
  if (handOff) return <div className="loading" role="status" aria-label={t('startingPlayer')} />;
  if (audio.error) {
    return (
      <div className="stream-refused">
        <p role="alert">{source.describeError(audio.error)}</p>
      </div>
    );
  }
  if (!audio.data) return <div className="loading" role="status" aria-label={tp('loadingTrack', { title: file.name })} />;
  return (
    <div className="audio-view">
      <ItemIcon item={file} size={96} />
      {file.title && <p className="audio-title" dir="auto">{[file.artist, file.title].filter(Boolean).join(' — ')}</p>}
      <audio ref={element} controls preload="metadata" src={audio.data} aria-label={displayName(file.name)} />
      <SpeedSelect media={element} />
    </div>
  );
}
