import { Suspense } from 'react';
import type { FileMetadata } from '../api/protocol/types';
import { fileKind } from '../lib/file-kind';
import { useT } from '../i18n';
import common from '../locales/en/common';
import { previewerFor } from './index';
import { OtherPreview } from './other';
import type { PreviewSource } from './source';

/** The images of a folder in order: what Previous/Next, arrow keys and swipes page through. */
export const galleryOf = (files: readonly FileMetadata[]) => files.filter((f) => fileKind(f) === 'image');

/** The file's previewer (lazy), or the download offer when its kind has none. */
export function FilePreview({ file, source }: { file: FileMetadata; source: PreviewSource }) {
  const tc = useT(common);
  const Previewer = previewerFor(fileKind(file));
  if (!Previewer) return <OtherPreview file={file} source={source} />;
  return (
    <Suspense fallback={<div className="loading" role="status" aria-label={tc('loading')} />}>
      <Previewer key={file.fileid} file={file} source={source} />
    </Suspense>
  );
}
