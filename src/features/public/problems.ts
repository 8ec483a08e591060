// What a visitor is told when a link cannot be used. Link states are told apart by pCloud's result
// codes (errors.md: 7001–7008), which only these anonymous pages ever need to distinguish.
import { PcloudError, PcloudNetworkError } from '../../api/errors';

export interface LinkProblem {
  /** Stable id for tests and styling. */
  id: 'unknown' | 'deleted' | 'removed' | 'expired' | 'traffic' | 'downloads' | 'space' | 'files' | 'password' | 'offline' | 'other';
  title: string;
  detail: string;
  /** Worth a "Try again" button (the cause may pass). */
  retry: boolean;
}

export function linkProblem(err: unknown, what: 'link' | 'upload link' = 'link'): LinkProblem {
  if (err instanceof PcloudError) {
    switch (err.code) {
      case 1028:
      case 1022:
      case 7001:
        return { id: 'unknown', title: `This ${what} does not exist`, detail: 'Check that the address was copied completely. Links are case-sensitive.', retry: false };
      case 7002:
        return { id: 'deleted', title: `This ${what} was deleted`, detail: 'Its owner removed it. Ask them for a new one if you still need it.', retry: false };
      case 7003:
        return { id: 'removed', title: 'This link was removed', detail: 'It was taken down after a copyright complaint.', retry: false };
      case 7004:
        return { id: 'expired', title: `This ${what} has expired`, detail: 'Its owner set an end date that has passed. Ask them to extend it or send a new one.', retry: false };
      case 7005:
        return { id: 'traffic', title: 'This link has used up its traffic', detail: 'The owner limited how much may be downloaded through it, and that amount has been reached.', retry: false };
      case 7006:
        return { id: 'downloads', title: 'This link has reached its download limit', detail: 'The owner allowed a fixed number of downloads, and all of them have been used.', retry: false };
      case 7007:
        return { id: 'space', title: 'This upload link is full', detail: 'The space its owner set aside for uploads is used up. Ask them to raise the limit.', retry: false };
      case 7008:
        return { id: 'files', title: 'This upload link has received all the files it accepts', detail: 'Its owner limited the number of files. Ask them to raise the limit.', retry: false };
      case 2003:
        return { id: 'password', title: 'This link is not available to you', detail: 'It may be protected by a password or limited by its owner.', retry: false };
      default:
        return { id: 'other', title: `This ${what} cannot be opened`, detail: err.message, retry: err.kind === 'retryable' || err.kind === 'rateLimit' };
    }
  }
  if (err instanceof PcloudNetworkError) {
    return { id: 'offline', title: 'pCloud could not be reached', detail: 'Check your internet connection, then try again.', retry: true };
  }
  return { id: 'other', title: `This ${what} cannot be opened`, detail: 'Something unexpected went wrong. Please try again.', retry: true };
}

/** One sentence for a failed action (download, zip, save, upload) on an otherwise working page. */
export function actionError(err: unknown): string {
  if (err instanceof PcloudError) {
    if ([7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008].includes(err.code)) return linkProblem(err).title + '.';
    if (err.code === 7010) return 'pCloud refuses this request from web pages outside pcloud.com.';
    if (err.code === 2003) return 'The owner does not allow this for this link.';
    if (err.code === 2008) return 'Your pCloud account is out of space.';
    if (err.code === 2009) return 'That file is no longer in this link.';
    if (err.code === 1029) return 'Only a link to a single file can be saved this way.';
    if (err.code === 2044) return 'This file cannot be streamed.';
    return err.message;
  }
  if (err instanceof PcloudNetworkError) return 'pCloud could not be reached. Check your connection and try again.';
  return 'Something unexpected went wrong. Please try again.';
}

/** Starts the browser's own download of a content URL (the server sends it as an attachment). */
export function startDownload(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener noreferrer';
  a.referrerPolicy = 'no-referrer';
  document.body.append(a);
  a.click();
  a.remove();
}
