// What is typed right after Ctrl+K, while the palette's code (cmdk, Radix) is still loading, is
// kept here and handed to the palette when it mounts, so the first letters are not lost — or, worse,
// taken by the file list's type-ahead (issue 15, item 5).

let typed = '';
let stop: (() => void) | null = null;

/** Starts keeping typed characters until the palette takes them (or a few seconds pass). */
export function bufferPaletteTyping(): void {
  if (stop) return;
  typed = '';
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (e.key === 'Escape') return end();
    if (e.key === 'Backspace') typed = typed.slice(0, -1);
    else if (e.key.length === 1) typed += e.key;
    else return;
    // the keys are the palette's: not the list's type-ahead, Backspace's "up", or a shortcut
    e.preventDefault();
    e.stopPropagation();
  };
  // a palette whose code never arrives must not swallow keys for good
  const timer = window.setTimeout(() => end(), 5000);
  const end = () => {
    window.removeEventListener('keydown', onKey, true);
    window.clearTimeout(timer);
    stop = null;
  };
  window.addEventListener('keydown', onKey, true);
  stop = end;
}

/** The characters kept so far; stops keeping them. */
export function takePaletteTyping(): string {
  stop?.();
  const out = typed;
  typed = '';
  return out;
}
