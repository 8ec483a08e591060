// Files shared to the installed app (Web Share Target) wait here between the service worker,
// which receives the share sheet's POST, and the /share-target page, which uploads them. Used by
// both sides, so it depends on nothing but idb-keyval (no React, no DOM beyond IndexedDB).
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface SharedBatch {
  id: string;
  receivedAt: number;
  files: File[];
  /** What the sharing app sent besides files (a page title, a text, a link), if anything. */
  title?: string;
  text?: string;
  url?: string;
}

let store: UseStore | null = null;
const inbox = () => (store ??= createStore('pcloud-web-share-target', 'batches'));

/** Keeps what the share sheet sent; the page picks it up after the redirect (or after sign-in). */
export async function shareReceived(batch: Omit<SharedBatch, 'id' | 'receivedAt'>, now = Date.now()): Promise<SharedBatch> {
  const saved: SharedBatch = { ...batch, id: `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, receivedAt: now };
  await set(saved.id, saved, inbox());
  return saved;
}

/** Batches not uploaded or discarded yet, oldest first. */
export async function pendingShares(): Promise<SharedBatch[]> {
  const all = await entries<string, SharedBatch>(inbox());
  return all.map(([, b]) => b).sort((a, b) => a.receivedAt - b.receivedAt);
}

export async function shareHandled(id: string): Promise<void> {
  await del(id, inbox());
}

/** Reads the share sheet's multipart form (field names as in the manifest's share_target.params). */
export function batchFromForm(form: FormData): Omit<SharedBatch, 'id' | 'receivedAt'> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const files = form.getAll('files').filter((f): f is File => typeof f !== 'string' && f.name !== '');
  return { files, title: text('title'), text: text('text'), url: text('url') };
}
