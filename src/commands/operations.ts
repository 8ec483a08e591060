// What the browse view does with a selection: conflict dialogs, progress toasts and undo around
// the writes of src/queries, which own the requests and what they invalidate.
import type { QueryClient } from '@tanstack/react-query';
import type { FolderMetadata, Metadata } from '../api/protocol/types';
import { getFileLink } from '../api/streaming';
import { contentUrl } from '../api/client';
import { copyFileMutation, renameFileMutation } from '../queries/file';
import { copyFolderMutation, createFolderMutation, folderListingOptions, renameFolderMutation } from '../queries/folder';
import { startPendingDelete } from '../queries/delete-items';
import { runMutation } from '../queries/mutations';
import { getSession } from '../stores/session';
import { toast, updateToast } from '../stores/toasts';
import { freeName } from '../lib/items';
import { errorMessage } from '../i18n/error-message';
import { getT } from '../i18n';
import browse from '../locales/en/browse';

const t = getT(browse);

/** A step this client refuses itself (its message is already worded for the user). */
class Refusal extends Error {}

export type ConflictAnswer = 'skip' | 'keep-both' | 'replace';
/** Asks once per conflicting name; `all` answers the remaining conflicts of the batch. */
export type AskConflict = (item: Metadata, existing: Metadata, mode: 'move' | 'copy') => Promise<{ answer: ConflictAnswer; all: boolean } | null>;

export async function createFolderIn(qc: QueryClient, parent: number, name: string): Promise<boolean> {
  // optimistic: the folder shows at once and is rolled back if the server refuses
  try {
    await runMutation(qc, createFolderMutation, { folderid: parent, name });
    toast({ kind: 'success', message: t('folderCreated', { name }) });
    return true;
  } catch (err) {
    toast({ kind: 'error', message: t('createFailed', { name, error: errorMessage(err) }) });
    return false;
  }
}

export async function renameItem(qc: QueryClient, item: Metadata, name: string): Promise<void> {
  // optimistic: the new name shows at once and is rolled back if the server refuses
  try {
    if (item.isfolder) await runMutation(qc, renameFolderMutation, { folderid: item.folderid, toname: name });
    else await runMutation(qc, renameFileMutation, { fileid: item.fileid, toname: name });
    toast({ kind: 'success', message: t('renamed', { name }) });
  } catch (err) {
    toast({ kind: 'error', message: t('renameFailed', { name: item.name, error: errorMessage(err) }) });
  }
}

/** Moves or copies a batch, asking about name clashes; reports progress and errors in a toast. */
export async function transfer(
  qc: QueryClient,
  items: readonly Metadata[],
  target: number,
  mode: 'move' | 'copy',
  ask: AskConflict,
): Promise<void> {
  if (mode === 'move' && items.every((i) => i.parentfolderid === target)) return;
  let dest: FolderMetadata;
  try {
    // what the target holds now, not what a cached listing showed a while ago
    dest = await qc.fetchQuery({ ...folderListingOptions(target), staleTime: 0 });
  } catch (err) {
    toast({ kind: 'error', message: t(mode === 'move' ? 'moveFailed' : 'copyFailed', { error: errorMessage(err) }) });
    return;
  }
  const byName = new Map<string, Metadata>();
  for (const m of dest.contents ?? []) byName.set(`${m.isfolder ? 'd' : 'f'}:${m.name}`, m);
  const taken = new Set((dest.contents ?? []).map((m) => m.name));
  const id = toast({ kind: 'progress', message: t(mode === 'move' ? 'movingCount' : 'copyingCount', { count: items.length }), progress: 0 });
  let all: ConflictAnswer | null = null;
  let done = 0;
  let failed = 0;
  for (const item of items) {
    if (item.isfolder && item.folderid === target) {
      failed++;
      continue;
    }
    const existing = byName.get(`${item.isfolder ? 'd' : 'f'}:${item.name}`);
    let answer: ConflictAnswer | null = existing && existing.id !== item.id ? all : null;
    if (existing && existing.id !== item.id && !answer) {
      const reply = await ask(item, existing, mode);
      if (!reply) break; // dialog dismissed: stop the batch, keep what was done
      answer = reply.answer;
      if (reply.all) all = reply.answer;
    }
    if (existing && existing.id === item.id) continue;
    if (answer === 'skip') {
      done++;
      continue;
    }
    const toname = existing && answer === 'keep-both' ? freeName(item.name, taken) : undefined;
    taken.add(toname ?? item.name);
    try {
      if (item.isfolder) {
        if (existing && answer === 'replace') {
          // pCloud cannot replace a folder in one step; merging is what copyfolder does, a move cannot
          if (mode === 'move') throw new Refusal(t('folderExists', { name: item.name }));
          await runMutation(qc, copyFolderMutation, { folderid: item.folderid, tofolderid: (existing as FolderMetadata).folderid, copycontentonly: true });
        } else if (mode === 'move') await runMutation(qc, renameFolderMutation, { folderid: item.folderid, tofolderid: target, ...(toname ? { toname } : {}) });
        else if (toname) {
          const made = await runMutation(qc, createFolderMutation, { folderid: target, name: toname });
          await runMutation(qc, copyFolderMutation, { folderid: item.folderid, tofolderid: made.metadata.folderid, copycontentonly: true });
        } else await runMutation(qc, copyFolderMutation, { folderid: item.folderid, tofolderid: target });
      } else if (mode === 'move') {
        await runMutation(qc, renameFileMutation, { fileid: item.fileid, tofolderid: target, ...(toname ? { toname } : {}) });
      } else {
        await runMutation(qc, copyFileMutation, { fileid: item.fileid, tofolderid: target, ...(toname ? { toname } : {}), ...(answer === 'replace' ? {} : { noover: true }) });
      }
      done++;
    } catch (err) {
      failed++;
      toast({ kind: 'error', message: t('itemFailed', { name: item.name, error: err instanceof Refusal ? err.message : errorMessage(err) }) });
    }
    updateToast(id, { progress: (done + failed) / items.length });
  }
  updateToast(id, {
    kind: failed ? 'error' : 'success',
    message: failed
      ? t(mode === 'move' ? 'moveProblems' : 'copyProblems', { count: failed })
      : t(mode === 'move' ? 'moved' : 'copied', { count: done }),
    progress: undefined,
    timeout: 5000,
  });
}

/**
 * Deletes go to pCloud's trash after an undo window, so "Undo" works everywhere — even where
 * trash_restore refuses OAuth tokens. The items disappear from the listing at once (the held delete
 * is a pending mutation the listing view hides; see queries/pending-deletes.ts).
 */
export function removeWithUndo(qc: QueryClient, items: readonly Metadata[], graceMs = 5000): void {
  const pending = startPendingDelete(qc, items, graceMs);
  const one = items.length === 1 ? { name: items[0].name } : null;
  toast({
    kind: 'info',
    message: one ? t('trashedOne', one) : t('trashed', { count: items.length }),
    timeout: graceMs,
    action: {
      label: t('undo'),
      run: () => {
        if (pending.undo()) toast({ kind: 'info', message: one ? t('restoredOne', one) : t('restored', { count: items.length }) });
      },
    },
  });
  void pending.done.then(({ failed }) => {
    for (const { item, error } of failed) toast({ kind: 'error', message: t('deleteFailed', { name: item.name, error: errorMessage(error) }) });
  });
}

/** Starts the browser's own download from a short-lived content link. */
export async function downloadItem(item: Metadata): Promise<void> {
  if (item.isfolder) return;
  try {
    const link = await getFileLink({ fileid: item.fileid, forcedownload: true });
    const a = document.createElement('a');
    a.href = contentUrl(link, getSession()?.apiBase ?? '');
    a.download = item.name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } catch (err) {
    toast({ kind: 'error', message: t('downloadFailed', { name: item.name, error: errorMessage(err) }) });
  }
}
