import { useEffect, useRef } from 'react';
import { jumpedTo, removedFromQueue, usePlayer } from '../../stores/player';
import { Icon } from '../../ui/icons';
import { formatClock, trackArtist, trackTitle } from './track';
import { useT } from '../../i18n';
import player from '../../locales/en/player';
import { Button } from '../../ui/button';

/** The player's queue: every track in order; pick one to play it, or take it out. */
export function QueuePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const queue = usePlayer((s) => s.queue);
  const index = usePlayer((s) => s.index);
  const source = usePlayer((s) => s.source);
  const shuffle = usePlayer((s) => s.shuffle);
  const current = useRef<HTMLLIElement>(null);
  const t = useT(player);

  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  return (
    <div
      id={id}
      className="mp-queue"
      role="region"
      aria-label={t('queue')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="mp-queue-head">
        <h2>
          {source ? t('queueFrom', { source }) : t('queue')}
          <span className="muted"> {t(shuffle ? 'trackCountShuffled' : 'trackCount', { count: queue.length })}</span>
        </h2>
        <Button icon="close" aria-label={t('closeQueue')} onClick={onClose} />
      </div>
      <ol className="mp-queue-list">
        {queue.map((track, i) => {
          const title = trackTitle(track);
          return (
            <li key={`${track.fileid}-${i}`} ref={i === index ? current : undefined} className={i === index ? 'current' : undefined} aria-current={i === index ? 'true' : undefined}>
              <button className="mp-queue-item" onClick={() => jumpedTo(i)} aria-label={i === index ? t('playTrackNow', { title }) : t('playTrack', { title })}>
                <span className="mp-queue-no" aria-hidden="true">
                  {i === index ? <Icon name="play" size={14} /> : i + 1}
                </span>
                <span className="mp-queue-text">
                  <span dir="auto">{title}</span>
                  {trackArtist(track) && (
                    <span className="muted" dir="auto">
                      {trackArtist(track)}
                    </span>
                  )}
                </span>
                {track.duration && <span className="muted mp-queue-len">{formatClock(Number(track.duration))}</span>}
              </button>
              <Button square aria-label={t('removeTrack', { title })} title={t('removeFromQueue')} onClick={() => removedFromQueue(i)}>
                <Icon name="close" size={14} />
              </Button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
