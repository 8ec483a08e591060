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
const text = lazy(() => import('./text/text-previewer'));

const PREVIEWERS: Partial<Record<FileKind, Previewer>> = {
  image,
  video,
  audio,
  text,
  // shown as plain text until they have previewers of their own
  markdown: text,
  code: text,
};

/** The lazy previewer for a kind of file, or null when the file can only be downloaded. */
export function previewerFor(kind: FileKind): Previewer | null {
  return PREVIEWERS[kind] ?? null;
}
