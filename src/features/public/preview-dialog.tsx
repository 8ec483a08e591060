import { useMemo, useState } from 'react';
import type { FileMetadata } from '../../api/types';
import type { PublicLink } from '../../queries/public';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { publicSource } from '../../previewers/public-source';
import { ViewerFrame } from '../../previewers/viewer-frame';
import { actionError } from './problems';
import { SaveButton } from './save-button';
import { Button } from '../../ui/button';

/**
 * Full-screen preview of one file of a folder link (the app's viewer over the link's source);
 * Escape closes, and focus returns to the item of the file last shown (`returnFocus`), else to what
 * opened it.
 */
export function PreviewDialog({
  link, file, files, gallery, onClose, onShow, onDownload, downloading, returnFocus,
}: {
  link: PublicLink;
  file: FileMetadata;
  /** The files of the folder shown. */
  files: readonly FileMetadata[];
  gallery: readonly FileMetadata[];
  onClose: () => void;
  onShow: (fileid: number) => void;
  onDownload: (file: FileMetadata) => void;
  downloading: boolean;
  returnFocus?: (fileid: number) => HTMLElement | null;
}) {
  const t = useT(pub);
  const tc = useT(common);
  const at = gallery.findIndex((f) => f.fileid === file.fileid);
  const inGallery = at >= 0 && gallery.length > 1;
  const source = useMemo(() => publicSource(link, { files, download: onDownload, describeError: actionError }), [link, files, onDownload]);
  // what had focus when the preview opened: where it goes back when the shown file's item is not on screen
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));

  return (
    <ViewerFrame
      file={file}
      source={source}
      gallery={gallery}
      onShow={onShow}
      onClose={onClose}
      className="pub-viewer"
      closeLabel={t('closePreview')}
      onCloseAutoFocus={(e) => {
        // there is no Radix trigger (the URL opens the preview): put focus back by hand
        e.preventDefault();
        const target = returnFocus?.(file.fileid) ?? (opener?.isConnected ? opener : null);
        target?.focus();
      }}
      heading={
        <>
          <p className="viewer-facts">{inGallery ? t('galleryPosition', { index: at + 1, count: gallery.length }) : formatBytes(file.size, t.locale)}</p>
          {/* paging changes the picture without moving focus: say which one is shown */}
          <span className="sr-only" role="status">
            {inGallery ? t('galleryStatus', { name: file.name, index: at + 1, count: gallery.length }) : ''}
          </span>
        </>
      }
      actions={
        <>
          {/* on a phone the label is hidden: the button keeps its name */}
          <Button icon="download" onClick={() => onDownload(file)} disabled={downloading} aria-label={tc('download')}>
            <span className="btn-label">{tc('download')}</span>
          </Button>
          <SaveButton link={link} target={{ kind: 'file', fileid: file.fileid, name: file.name }} label={tc('save')} />
        </>
      }
    />
  );
}
