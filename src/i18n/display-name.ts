// A name as people read it. Bidirectional control characters reorder what follows them, so
// `invoice\u202Efdp.exe` shows as "invoiceexe.pdf": a program passed off as a document. Wherever
// a name is shown, each control is replaced by a visible marker naming it (the order on screen
// is then the stored order); the raw name still goes to the API and into rename fields.

const MARKERS: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u061C': 'ALM',
};

const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The name with every bidirectional control shown as ⟪RLO⟫ & co.; the same string when it has none. */
export function displayName(name: string): string {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(name)) return name;
  return name.replace(CONTROLS, (c) => `⟪${MARKERS[c]}⟫`);
}
