import { getT } from '../../i18n';
import links from '../../locales/en/links';
import { toast } from '../../stores/toasts';

const t = getT(links);

/** What is being copied, for the messages: a link, pCloud's own link, a short link, an upload link, an e-mail address. */
export type CopyWhat = 'Link' | 'PcloudLink' | 'ShortLink' | 'UploadLink' | 'Email';

/** Copies and says so; when the browser refuses, says how to copy by hand instead of failing silently. */
export async function copyToClipboard(text: string, what: CopyWhat): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    toast({ kind: 'success', message: t(`copied${what}`) });
    return true;
  } catch {
    toast({ kind: 'error', message: t(`copyRefused${what}`) });
    return false;
  }
}
