import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Dialog } from '../../ui/dialog';
import { Icon } from '../../ui/icons';
import { folderListingOptions } from '../../queries/folder';
import { withoutContents } from '../../queries/listing-cache';
import { openDialog } from '../../stores/dialogs';
import { collectDrop, collectInput, type Collected } from './collect';
import { startUploads, type ConflictChoice } from './runner';

interface Question {
  names: string[];
  resolve: (c: ConflictChoice | null) => void;
}

function ConflictQuestion({ q }: { q: Question | null }) {
  if (!q) return null;
  const shown = q.names.slice(0, 5);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && q.resolve(null)}
      title={q.names.length === 1 ? 'A file with this name already exists' : `${q.names.length} files already exist here`}
      description="Choose what to do with every file of this upload whose name is taken."
    >
      <ul className="name-list">
        {shown.map((n) => (
          <li key={n} dir="auto">
            {n}
          </li>
        ))}
        {q.names.length > shown.length && <li className="muted">and {q.names.length - shown.length} more</li>}
      </ul>
      <div className="dialog-actions">
        <button className="btn" onClick={() => q.resolve('skip')}>
          Skip them
        </button>
        <button className="btn" onClick={() => q.resolve('keep-both')}>
          Keep both
        </button>
        <button className="btn danger" onClick={() => q.resolve('replace')}>
          Replace
        </button>
      </div>
    </Dialog>
  );
}

/** The whole browse area accepts dropped files and folder trees; a clear overlay shows where they go. */
export function UploadZone({ folderId, folderName, enabled, children }: { folderId: number; folderName: string; enabled: boolean; children: ReactNode }) {
  const qc = useQueryClient();
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
    if (c.entries.length || c.emptyDirs.length) void startUploads(qc, c.entries, c.emptyDirs, folderId, ask);
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
            <p>
              Drop to upload to <strong dir="auto">{folderName}</strong>
            </p>
          </div>
        </div>
      )}
      <ConflictQuestion q={question} />
      <UploadInputs onFiles={begin} folderId={folderId} />
    </div>
  );
}

let openPicker: ((kind: 'files' | 'folder' | 'link') => void) | null = null;

function UploadInputs({ onFiles, folderId }: { onFiles: (c: Collected) => void; folderId: number }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const qc = useQueryClient();
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
      <input ref={files} type="file" multiple hidden onChange={change} aria-label="Choose files to upload" data-testid="upload-files" />
      <input ref={folder} type="file" hidden onChange={change} aria-label="Choose a folder to upload" data-testid="upload-folder" {...{ webkitdirectory: '' }} />
    </>
  );
}

export function UploadButton({ disabled }: { disabled: boolean }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="btn primary" disabled={disabled}>
        <Icon name="up" /> <span className="btn-label">Upload</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" sideOffset={6} align="start">
          <DropdownMenu.Item className="menu-item" onSelect={() => openPicker?.('files')}>
            Upload files…
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => openPicker?.('folder')}>
            Upload a folder…
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => openPicker?.('link')}>
            Upload from a link…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
