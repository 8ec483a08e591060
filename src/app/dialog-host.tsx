import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { closeDialog, useOpenDialog, type DialogKind, type DialogProps } from '../stores/dialogs';
import { ErrorBoundary } from './error-boundary';
import { useT } from '../i18n';
import app from '../locales/en/app';

type Lazy = LazyExoticComponent<ComponentType<DialogProps>>;

// One lazily loaded chunk per dialog: none of them weighs on the first route.
const dialogs: Record<DialogKind, Lazy> = {
  share: lazy(() => import('../features/share/share-dialog')),
  publink: lazy(() => import('../features/publinks/publink-dialog')),
  uploadlink: lazy(() => import('../features/publinks/uploadlink-dialog')),
  'zip-download': lazy(() => import('../features/archive/zip-download-dialog')),
  'zip-save': lazy(() => import('../features/archive/zip-save-dialog')),
  extract: lazy(() => import('../features/archive/extract-dialog')),
  revisions: lazy(() => import('../features/revisions/revisions-dialog')),
  'add-to-collection': lazy(() => import('../features/collections/add-to-collection-dialog')),
  'remote-upload': lazy(() => import('../uploads/remote-upload-dialog')),
};

/** Renders the dialog a command asked for (stores/dialogs.ts); mounted once in the shell. */
export function DialogHost() {
  const req = useOpenDialog();
  const t = useT(app);
  if (!req) return null;
  const Component = dialogs[req.kind];
  return (
    <ErrorBoundary label={t('thisDialog')}>
      <Suspense fallback={null}>
        <Component key={req.kind} {...req} onClose={closeDialog} />
      </Suspense>
    </ErrorBoundary>
  );
}
