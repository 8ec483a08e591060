import type { FileMetadata } from '../api/protocol/types';
import { useT } from '../i18n';
import { formatBytes, formatDate } from '../lib/format';
import common from '../locales/en/common';
import viewer from '../locales/en/viewer';
import { ItemIcon } from '../ui/icons';
import type { PreviewSource } from './source';
import { Button } from '../ui/button';

/** A file with no previewer (or too big for one): what it is, and a download. Small, so not lazy. */
export function OtherPreview({ file, source, note }: { file: FileMetadata; source: PreviewSource; note?: string }) {
  const t = useT(viewer);
  const tc = useT(common);
  return (
    <div className="other-view">
      <ItemIcon item={file} size={96} />
      {note && <p className="muted">{note}</p>}
      <dl className="facts">
        <dt>{tc('size')}</dt>
        <dd>{formatBytes(file.size, t.locale)}</dd>
        <dt>{tc('type')}</dt>
        <dd>{file.contenttype || t('unknownType')}</dd>
        <dt>{tc('modified')}</dt>
        <dd>{formatDate(file.modified, t.locale)}</dd>
      </dl>
      <Button variant="primary" onClick={() => source.download(file)}>
        {tc('download')}
      </Button>
    </div>
  );
}
