// The one table of how a file is shown (fileKind, src/lib/file-kind.ts) → which previewer shows it.
// Each previewer is its own lazy chunk, so neither the app nor a public link loads one before a
// file of its kind opens. A kind without a previewer answers null: the viewer offers a download.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FileKind } from '../lib/file-kind';
import type { PreviewerProps } from './source';

export type Previewer = LazyExoticComponent<ComponentType<PreviewerProps>>;

const image = lazy(() => import('./image/image-previewer'));
const video = lazy(() => import('./video/video-previewer'));
const audio = lazy(() => import('./audio/audio-previewer'));
// code and plain text share one previewer: colours where the language is known, virtual rows when long
const code = lazy(() => import('./code/code-previewer'));
const pdf = lazy(() => import('./pdf/pdf-previewer'));
const markdown = lazy(() => import('./markdown/markdown-previewer'));
const document = lazy(() => import('./office/document-previewer'));
const spreadsheet = lazy(() => import('./office/sheet-previewer'));
const presentation = lazy(() => import('./office/presentation-previewer'));

const PREVIEWERS: Partial<Record<FileKind, Previewer>> = {
  image,
  video,
  audio,
  text: code,
  code,
  pdf,
  markdown,
  document,
  spreadsheet,
  presentation,
};

/** The lazy previewer for a kind of file, or null when the file can only be downloaded. */
export function previewerFor(kind: FileKind): Previewer | null {
  return PREVIEWERS[kind] ?? null;
}
