// The signed-in account's upload engine, made with the real client, hasher and clock when the
// account first uploads (or resumes an upload) and disposed when it signs out or another account
// signs in: requests in flight are aborted and nothing of one account (folder ids, counters) serves
// the next. The queue itself follows the session in stores/uploads.ts.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { generalKeys } from '../queries/general';
import { invalidateListings } from '../queries/listing-cache';
import { getSession, onSessionChanged, type Session } from '../stores/session';
import { signedInUploadQueue } from '../stores/uploads';
import { systemClock } from './engine';
import { workerHasher } from './hasher';
import { pcloudUploadApi } from './signed-in-transport';
import { createSignedInUploads, type SignedInUploads } from './signed-in-uploads';

export type { AskUploadConflict, ConflictChoice } from './signed-in-uploads';

const accountOf = (s: Session | null) => (s ? `${s.userid}@${s.apiBase}` : null);

let current: { account: string; uploads: SignedInUploads } | null = null;

onSessionChanged((now) => {
  if (current && current.account !== accountOf(now)) {
    current.uploads.dispose();
    current = null;
  }
});

/** This account's uploads, or null when nobody is signed in. */
export function sessionUploads(qc: QueryClient): SignedInUploads | null {
  const account = accountOf(getSession());
  if (!account) return null;
  if (current?.account !== account) {
    current?.uploads.dispose();
    current = {
      account,
      uploads: createSignedInUploads({
        api: pcloudUploadApi,
        store: signedInUploadQueue,
        clock: systemClock,
        hasher: workerHasher,
        // files arrived: their folders changed, and so did the quota the header shows
        listingsChanged: (ids) => {
          void invalidateListings(qc, ids);
          void qc.invalidateQueries({ queryKey: generalKeys.userInfo() });
        },
      }),
    };
  }
  return current.uploads;
}

export const useSessionUploads = (): SignedInUploads | null => sessionUploads(useQueryClient());
