import { displayName } from '../../i18n/display-name';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FolderMetadata, Metadata } from '../../api/protocol/types';
import { formatBytes, formatDate } from '../../lib/format';
import { checksumOptions } from '../../queries/file';
import { revisionsOptions } from '../../queries/revisions';
import { ItemIcon } from '../../ui/icons';
import { RevisionList } from '../../widgets/revision-list';
import { useT } from '../../i18n';
import browse from '../../locales/en/browse';
import common from '../../locales/en/common';
// the versions' texts: loaded with the revision list below anyway
import viewer from '../../locales/en/viewer';
import { Button } from '../../ui/button';

function FileFacts({ item }: { item: Extract<Metadata, { isfolder: false }> }) {
  const t = useT(browse);
  const tc = useT(common);
  const tv = useT(viewer);
  const [wantSums, setWantSums] = useState(false);
  const revisions = useQuery(revisionsOptions(item.fileid));
  const sums = useQuery({ ...checksumOptions(item.fileid), enabled: wantSums });
  return (
    <>
      <dt>{tc('size')}</dt>
      <dd>{t('sizeBytes', { size: formatBytes(item.size), count: item.size })}</dd>
      <dt>{tc('type')}</dt>
      <dd>{item.contenttype}</dd>
      <dt>{tv('versions')}</dt>
      <dd>{revisions.data ? tv('earlierVersions', { count: revisions.data.revisions.length }) : revisions.isError ? tv('versionsUnavailable') : '…'}</dd>
      <dt>{t('checksums')}</dt>
      {/* the button gives way to the progress, then to the sums: read out as they change */}
      <dd aria-live="polite">
        {!wantSums ? (
          <Button variant="ghost" onClick={() => setWantSums(true)}>
            {t('computeChecksums')}
          </Button>
        ) : sums.data ? (
          <code className="sums">
            SHA-1 {sums.data.sha1}
            {sums.data.md5 ? `\nMD5 ${sums.data.md5}` : ''}
            {sums.data.sha256 ? `\nSHA-256 ${sums.data.sha256}` : ''}
          </code>
        ) : sums.isError ? (
          t('checksumsFailed')
        ) : (
          t('computing')
        )}
      </dd>
    </>
  );
}

export function DetailsPanel({ items, folder, onClose }: { items: readonly Metadata[]; folder: FolderMetadata | undefined; onClose: () => void }) {
  const t = useT(browse);
  const tc = useT(common);
  const tv = useT(viewer);
  const item = items.length === 1 ? items[0] : items.length === 0 ? folder : undefined;
  return (
    <aside className="details" aria-label={t('details')}>
      <div className="details-head">
        <h2>{t('details')}</h2>
        <Button square aria-label={t('closeDetails')} onClick={onClose}>
          ×
        </Button>
      </div>
      {!item ? (
        <p className="muted">{t('selectionSummary', { count: items.length, size: formatBytes(items.reduce((n, m) => n + (m.isfolder ? 0 : m.size), 0)) })}</p>
      ) : (
        <>
          <div className="details-title">
            <ItemIcon item={item} size={40} />
            <strong dir="auto">{item.isfolder && item.folderid === 0 ? t('myFiles') : displayName(item.name)}</strong>
          </div>
          <dl className="facts">
            {!item.isfolder && <FileFacts item={item} />}
            {item.isfolder && (
              <>
                <dt>{t('contents')}</dt>
                <dd>{item.contents ? tc('items', { count: item.contents.length }) : tc('folder')}</dd>
              </>
            )}
            <dt>{tc('modified')}</dt>
            <dd>{formatDate(item.modified)}</dd>
            <dt>{tc('created')}</dt>
            <dd>{formatDate(item.created)}</dd>
            {item.ismine === false && (
              <>
                <dt>{t('owner')}</dt>
                <dd>{t('sharedWithYou')}</dd>
              </>
            )}
          </dl>
          {!item.isfolder && (
            <section className="details-versions" aria-label={tv('versions')}>
              <h3>{tv('versions')}</h3>
              <RevisionList file={item} compact />
            </section>
          )}
        </>
      )}
    </aside>
  );
}
