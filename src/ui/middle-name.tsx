/**
 * A name split for a middle ellipsis: the `tail` (the extension and a few characters before it)
 * always shows, the `head` gives way with "…". Short names are not split.
 */
export function splitName(name: string, keep = 6): { head: string; tail: string } {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.length - dot : 0;
  const cut = name.length - ext - keep;
  if (cut < 8) return { head: name, tail: '' };
  // a space at the cut goes with the tail, which keeps its spaces (a head's last space would be trimmed)
  let at = cut;
  while (at > 1 && name[at - 1] === ' ') at--;
  return { head: name.slice(0, at), tail: name.slice(at) };
}

import { displayName } from '../i18n/display-name';
import { usePhoneLayout } from './use-phone';

/** Roughly how many characters two lines of a phone row hold (picture and checkbox take ~112 px). */
const twoLines = () => Math.floor(((window.innerWidth - 112) / 7.6) * 1.8);

/**
 * A file name that shortens in the middle (`holiday-pho…0412.jpg`), so the extension and the end
 * that tells versions apart stay readable (CSS clamps the head: one line on desktop, two on phones).
 */
export function MiddleName({ name: raw }: { name: string }) {
  const name = displayName(raw);
  const phone = usePhoneLayout();
  // split as stored, so a bidi control's marker (display-name.ts) is never cut in two
  const { head, tail } = splitName(raw);
  // on two lines a split name that needs no shortening would leave a gap before its tail: such
  // names are shown whole (the line clamp still guards a wrong guess)
  if (!tail || (phone && name.length <= twoLines())) return <>{name}</>;
  // the two halves are flex items, which assistive tech and innerText read as separate words
  // ("Coa stline.mp3"): the whole name is read from a visually hidden copy instead
  return (
    <>
      <span className="sr-only">{name}</span>
      <span className="name-head" aria-hidden="true">
        {displayName(head)}
      </span>
      <span className="name-tail" aria-hidden="true">
        {displayName(tail)}
      </span>
    </>
  );
}
