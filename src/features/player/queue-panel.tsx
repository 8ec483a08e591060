import { useEffect, useRef } from 'react';
import { jumpedTo, removedFromQueue, usePlayer } from '../../stores/player';
import { Icon } from '../../ui/icons';
import { formatClock, trackArtist, trackTitle } from './track';

/** The player's queue: every track in order; pick one to play it, or take it out. */
export function QueuePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const queue = usePlayer((s) => s.queue);
  const index = usePlayer((s) => s.index);
  const source = usePlayer((s) => s.source);
  const shuffle = usePlayer((s) => s.shuffle);
  const current = useRef<HTMLLIElement>(null);

  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  return (
    <div
      id={id}
      className="mp-queue"
      role="region"
      aria-label="Queue"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="mp-queue-head">
        <h2>
          {source ? `Queue · ${source}` : 'Queue'}
          <span className="muted">
            {' '}
            {queue.length} track{queue.length === 1 ? '' : 's'}
            {shuffle ? ' · shuffled' : ''}
          </span>
        </h2>
        <button className="btn icon" aria-label="Close queue" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <ol className="mp-queue-list">
        {queue.map((t, i) => {
          const title = trackTitle(t);
          return (
            <li key={`${t.fileid}-${i}`} ref={i === index ? current : undefined} className={i === index ? 'current' : undefined} aria-current={i === index ? 'true' : undefined}>
              <button className="mp-queue-item" onClick={() => jumpedTo(i)} aria-label={`Play ${title}${i === index ? ' (now playing)' : ''}`}>
                <span className="mp-queue-no" aria-hidden="true">
                  {i === index ? <Icon name="play" size={14} /> : i + 1}
                </span>
                <span className="mp-queue-text">
                  <span dir="auto">{title}</span>
                  {trackArtist(t) && (
                    <span className="muted" dir="auto">
                      {trackArtist(t)}
                    </span>
                  )}
                </span>
                {t.duration && <span className="muted mp-queue-len">{formatClock(Number(t.duration))}</span>}
              </button>
              <button className="btn icon" aria-label={`Remove ${title} from the queue`} title="Remove from queue" onClick={() => removedFromQueue(i)}>
                <Icon name="close" size={14} />
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
