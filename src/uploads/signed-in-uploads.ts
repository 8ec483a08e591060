// The signed-in app's uploads: the engine over the account's queue with the signed-in transport,
// plus what only this app asks before a batch (taken names) and says after (its error sentences).
import { isAbortError, PcloudError, PcloudNetworkError } from '../api/errors';
import type { UploadEntry, UploadQueue } from '../stores/upload-queue';
import { createUploadEngine, type Clock, type UploadEngine } from './engine';
import type { Hasher } from './hasher';
import { ChecksumMismatch, createSignedInTransport, UnreadableFile, type UploadApi } from './signed-in-transport';
import { getT } from '../i18n';
import { errorMessage } from '../i18n/error-message';
import { formatBytes, formatDate } from '../lib/format';
import upload from '../locales/en/upload';

// texts are made when an upload changes, in the language of that moment
const t = getT(upload);

export type ConflictChoice = 'keep-both' | 'replace' | 'skip';
/** Asked once per batch when some names already exist in the target folder. */
export type AskUploadConflict = (names: string[]) => Promise<ConflictChoice | null>;

export function uploadMessage(err: unknown): string {
  if (err instanceof ChecksumMismatch) return t('checksumMismatch');
  if (err instanceof UnreadableFile) return t('unreadableFile');
  if (err instanceof PcloudError) {
    switch (err.kind) {
      case 'quota':
        return t('noSpace');
      case 'forbidden':
        return t('noPermission');
      case 'notFound':
        return t('destinationGone');
      case 'invalidName':
        return t('badName');
      default:
        return errorMessage(err);
    }
  }
  if (isAbortError(err)) return errorMessage(err);
  if (err instanceof PcloudNetworkError && err.failure === 'http') return t('httpRefused', { status: String(err.status ?? '?') });
  return t('connectionFailed');
}

export interface SignedInUploadsDeps {
  api: UploadApi;
  store: UploadQueue;
  clock: Clock;
  hasher: Hasher;
  listingsChanged(folderids: readonly number[]): void;
  chunkedThreshold?: number;
  chunkSize?: number;
}

export interface SignedInUploads {
  engine: UploadEngine;
  /** Queues files (and folder trees) for `targetFolderId`, asking once about existing names. */
  start(entries: readonly UploadEntry[], emptyDirs: readonly string[], targetFolderId: number, ask: AskUploadConflict): Promise<void>;
  /** The file picked again after a reload; returns why it was refused, or null when the upload goes on. */
  fileChosenAgain(id: number, file: File): string | null;
  dispose(): void;
}

/** One account's uploads; created when it first uploads, disposed when it signs out (session-uploads.ts). */
export function createSignedInUploads(deps: SignedInUploadsDeps): SignedInUploads {
  const { api, store } = deps;
  const transport = createSignedInTransport(deps);
  const engine = createUploadEngine({ store, transport, clock: deps.clock, describe: uploadMessage });
  let disposed = false;
  return {
    engine,
    async start(entries, emptyDirs, targetFolderId, ask) {
      let choice: ConflictChoice | undefined;
      let clashing = new Set<string>();
      try {
        const existing = new Set((await api.listFolder({ folderid: targetFolderId })).metadata.contents?.filter((m) => !m.isfolder).map((m) => m.name));
        const clashes = entries.filter((e) => !e.dir && existing.has(e.file.name)).map((e) => e.file.name);
        clashing = new Set(clashes);
        if (clashes.length) {
          const answer = await ask(clashes);
          if (!answer) return; // the user closed the question: nothing is queued
          choice = answer;
        }
      } catch {
        /* the listing could not be read: upload anyway, pCloud keeps a revision of anything replaced */
      }
      if (disposed) return;
      for (const dir of emptyDirs) {
        void transport.folderFor({ dir, targetFolderId }).then(() => deps.listingsChanged([targetFolderId]), () => undefined);
      }
      const items = store.queued(entries, targetFolderId);
      for (const item of items) {
        if (item.dir || !choice || !clashing.has(item.name)) continue;
        store.changed(item.id, choice === 'skip' ? { status: 'skipped' } : { onConflict: choice });
      }
      engine.wake();
    },
    fileChosenAgain(id, file) {
      const item = store.item(id);
      if (!item || engine.fileChosenAgain(id, file)) return null;
      const error = t('notSameFile', { name: item.name, size: formatBytes(item.size), date: formatDate(item.lastModified / 1000) });
      store.changed(id, { error });
      return error;
    },
    dispose() {
      disposed = true;
      engine.dispose();
    },
  };
}
