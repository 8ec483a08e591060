import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FolderMetadata, Metadata } from '../../api/protocol/types';
import { checksumFile } from '../../api/file';
import { formatBytes, formatDate } from '../../lib/format';
import { revisionsOptions } from '../../queries/revisions';
import { ItemIcon } from '../../ui/icons';
import { RevisionList } from '../revisions/revision-list';

function FileFacts({ item }: { item: Extract<Metadata, { isfolder: false }> }) {
  const [wantSums, setWantSums] = useState(false);
  const revisions = useQuery(revisionsOptions(item.fileid));
  const sums = useQuery({
    queryKey: ['file', item.fileid, 'checksum', item.hash],
    queryFn: ({ signal }) => checksumFile({ fileid: item.fileid }, { signal }),
    enabled: wantSums,
  });
  return (
    <>
      <dt>Size</dt>
      <dd>{formatBytes(item.size)} ({item.size.toLocaleString()} bytes)</dd>
      <dt>Type</dt>
      <dd>{item.contenttype}</dd>
      <dt>Versions</dt>
      <dd>{revisions.data ? `${revisions.data.revisions.length} earlier version${revisions.data.revisions.length === 1 ? '' : 's'}` : revisions.isError ? 'Unavailable' : '…'}</dd>
      <dt>Checksums</dt>
      <dd>
        {!wantSums ? (
          <button className="btn link" onClick={() => setWantSums(true)}>
            Compute checksums
          </button>
        ) : sums.data ? (
          <code className="sums">
            SHA-1 {sums.data.sha1}
            {sums.data.md5 ? `\nMD5 ${sums.data.md5}` : ''}
            {sums.data.sha256 ? `\nSHA-256 ${sums.data.sha256}` : ''}
          </code>
        ) : sums.isError ? (
          'Could not compute checksums.'
        ) : (
          'Computing…'
        )}
      </dd>
    </>
  );
}

export function DetailsPanel({ items, folder, onClose }: { items: readonly Metadata[]; folder: FolderMetadata | undefined; onClose: () => void }) {
  const item = items.length === 1 ? items[0] : items.length === 0 ? folder : undefined;
  return (
    <aside className="details" aria-label="Details">
      <div className="details-head">
        <h2>Details</h2>
        <button className="btn icon" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </div>
      {!item ? (
        <p className="muted">{items.length} items selected · {formatBytes(items.reduce((n, m) => n + (m.isfolder ? 0 : m.size), 0))}</p>
      ) : (
        <>
          <div className="details-title">
            <ItemIcon item={item} size={40} />
            <strong dir="auto">{item.isfolder && item.folderid === 0 ? 'My files' : item.name}</strong>
          </div>
          <dl className="facts">
            {!item.isfolder && <FileFacts item={item} />}
            {item.isfolder && (
              <>
                <dt>Contents</dt>
                <dd>{item.contents ? `${item.contents.length} items` : 'Folder'}</dd>
              </>
            )}
            <dt>Modified</dt>
            <dd>{formatDate(item.modified)}</dd>
            <dt>Created</dt>
            <dd>{formatDate(item.created)}</dd>
            {item.ismine === false && (
              <>
                <dt>Owner</dt>
                <dd>Shared with you</dd>
              </>
            )}
          </dl>
          {!item.isfolder && (
            <section className="details-versions" aria-label="Versions">
              <h3>Versions</h3>
              <RevisionList file={item} compact />
            </section>
          )}
        </>
      )}
    </aside>
  );
}
