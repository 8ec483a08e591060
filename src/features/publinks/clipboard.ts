import { toast } from '../../stores/toasts';

/** Copies and says so; when the browser refuses, says how to copy by hand instead of failing silently. */
export async function copyToClipboard(text: string, what: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    toast({ kind: 'success', message: `${what} copied to the clipboard` });
    return true;
  } catch {
    toast({ kind: 'error', message: `The browser did not allow copying. Select the ${what.toLowerCase()} and copy it by hand.` });
    return false;
  }
}
