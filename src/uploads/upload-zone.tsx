import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LazyPopupMenu, preloadPopupMenu } from '../ui/lazy-popup-menu';
import type { PopupMenuItem } from '../ui/popup-menu';
import { Icon } from '../ui/icons';
import { folderListingOptions } from '../queries/folder';
import { withoutContents } from '../queries/listing-cache';
import { openDialog } from '../stores/dialogs';
import { collectDrop, collectInput, type Collected } from './collect';
import type { ConflictChoice } from './signed-in-uploads';
import type { Question } from './upload-conflict-question';
import { useT } from '../i18n';
import upload from '../locales/en/upload-start';
import { Button } from '../ui/button';

// The engine and the hasher (~5 KB gzip) load with the first upload, not with the listing.
const loadRunner = () => import('./session-uploads');

// asked only when an upload meets taken names: its dialog loads then
const ConflictQuestion = lazy(() => import('./upload-conflict-question'));

/** The whole browse area accepts dropped files and folder trees; a clear overlay shows where they go. */
export function UploadZone({ folderId, folderName, enabled, children }: { folderId: number; folderName: string; enabled: boolean; children: ReactNode }) {
  const qc = useQueryClient();
  const t = useT(upload);
  const [over, setOver] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const depth = useRef(0);
  const ask = (names: string[]) =>
    new Promise<ConflictChoice | null>((resolve) =>
      setQuestion({
        names,
        resolve: (c) => {
          setQuestion(null);
          resolve(c);
        },
      }),
    );
  const begin = (c: Collected) => {
    if (c.entries.length || c.emptyDirs.length) void loadRunner().then((r) => r.sessionUploads(qc)?.start(c.entries, c.emptyDirs, folderId, ask));
  };
  // files pasted from the clipboard go up too
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (e: ClipboardEvent) => {
      const files = e.clipboardData?.files;
      if (files && files.length && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        begin(collectInput(files));
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });
  const hasFiles = (e: React.DragEvent) => enabled && e.dataTransfer.types.includes('Files');
  return (
    <div
      className="upload-zone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        void loadRunner();
        depth.current++;
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        void collectDrop(e.dataTransfer).then(begin);
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" role="status">
          <div>
            <Icon name="up" size={40} />
            <p>{t.rich('dropTo', { folder: <strong dir="auto">{folderName}</strong> })}</p>
          </div>
        </div>
      )}
      {question && (
        <Suspense fallback={null}>
          <ConflictQuestion q={question} />
        </Suspense>
      )}
      <UploadInputs onFiles={begin} folderId={folderId} />
    </div>
  );
}

let openPicker: ((kind: 'files' | 'folder' | 'link') => void) | null = null;

function UploadInputs({ onFiles, folderId }: { onFiles: (c: Collected) => void; folderId: number }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const qc = useQueryClient();
  const t = useT(upload);
  useEffect(() => {
    openPicker = (kind) => {
      if (kind !== 'link') {
        (kind === 'files' ? files : folder).current?.click();
        return;
      }
      // the open folder's listing is in the cache: the dialog saves into it
      const listing = qc.getQueryData(folderListingOptions(folderId).queryKey);
      openDialog({ kind: 'remote-upload', items: [], folder: listing ? withoutContents(listing) : undefined });
    };
    return () => {
      openPicker = null;
    };
  }, [qc, folderId]);
  const change = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.files?.length) onFiles(collectInput(e.target.files));
    e.target.value = '';
  };
  return (
    <>
      <input ref={files} type="file" multiple hidden onChange={change} aria-label={t('chooseFiles')} data-testid="upload-files" />
      <input ref={folder} type="file" hidden onChange={change} aria-label={t('chooseFolder')} data-testid="upload-folder" {...{ webkitdirectory: '' }} />
    </>
  );
}

const uploadChoices = [
  { id: 'files', label: 'uploadFiles' },
  { id: 'folder', label: 'uploadFolder' },
  { id: 'link', label: 'uploadLink' },
] as const;

/** A menu button; the menu's code (popup-menu.tsx) loads when it is first hovered, focused or used. */
export function UploadButton({ disabled }: { disabled: boolean }) {
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; focusFirst: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const t = useT(upload);
  const items: PopupMenuItem[] = uploadChoices.map(({ id, label }) => ({ id, label: t(label), onSelect: () => openPicker?.(id) }));
  const show = (focusFirst: boolean) => {
    const r = button.current!.getBoundingClientRect();
    setMenu({ at: { x: r.left, y: r.bottom }, focusFirst });
  };
  return (
    <>
      <Button
        variant="primary" icon="up"
        ref={button}
       
        disabled={disabled}
        aria-label={t('upload')}
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        data-state={menu ? 'open' : 'closed'}
        onPointerEnter={preloadPopupMenu}
        onFocus={preloadPopupMenu}
        // as a menu button does: open on press (mouse), Enter / Space / ArrowDown (keyboard, first item focused)
        onPointerDown={(e) => {
          if (e.button !== 0 || e.ctrlKey || e.pointerType !== 'mouse') return;
          e.preventDefault();
          if (!menu) show(false);
        }}
        onClick={(e) => {
          if (e.detail === 0) show(true);
          else if (!menu) show(false);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          show(true);
        }}
      >
        <span className="btn-label">{t('upload')}</span>
      </Button>
      {menu && <LazyPopupMenu {...menu} items={items} side="bottom" sideOffset={6} returnFocus={button.current} onClose={() => setMenu(null)} />}
    </>
  );
}
