// Shortcuts must reach the page: a desktop browser keeps some combinations for itself and acts on
// them before any page can (Ctrl+Shift+N opens a private window in Chrome, Ctrl+Shift+R reloads,
// Ctrl+Shift+C opens the inspector, Ctrl+Shift+D bookmarks every tab, Ctrl+Shift+P is Firefox's
// private window…). Checked for Chrome, Firefox and Safari on Windows, Linux and macOS (Mod = Cmd).
import { describe, expect, it } from 'vitest';
import { commands } from './file-commands';
import { matches, pageShortcuts } from './registry';

const RESERVED = [
  // windows, tabs and the browser's own UI
  'Mod+N', 'Mod+Shift+N', 'Mod+T', 'Mod+Shift+T', 'Mod+W', 'Mod+Shift+W', 'Mod+Q', 'Mod+Shift+Q', 'Mod+Tab',
  'Mod+Shift+P', 'Mod+Shift+A', 'Mod+Shift+B', 'Mod+Shift+O', 'Mod+Shift+Delete', 'Mod+Shift+M', 'Mod+Shift+H',
  // reload, history, bookmarks, downloads, address bar
  'Mod+R', 'Mod+Shift+R', 'F5', 'Mod+D', 'Mod+Shift+D', 'Mod+H', 'Mod+Shift+J', 'Mod+J', 'Mod+L', 'Mod+Shift+L', 'Mod+E',
  // developer tools, source, print, save, zoom
  'Mod+Shift+C', 'Mod+Shift+I', 'Mod+Shift+K', 'Mod+Shift+E', 'Mod+Shift+S', 'Mod+U', 'Mod+P', 'Mod+S', 'Mod+O', 'F12',
  'Mod+Shift+G', 'Mod+G', 'Mod+Shift+X', 'Mod+Shift+Y', 'Mod+Shift+U',
  // Alt+letter opens Firefox's and Chrome's menus on Windows and Linux, and types a character on macOS
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((k) => `Alt+${k}`),
];

function event(shortcut: string) {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = parts.includes('Mod');
  return { key, ctrlKey: mod && !isMac, metaKey: mod && isMac, shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') };
}

describe('keyboard shortcuts', () => {
  const all = [...commands.filter((c) => c.shortcut).map((c) => ({ id: c.id, shortcut: c.shortcut! })), ...pageShortcuts];

  it.each(all)('$id ($shortcut) is not one a desktop browser keeps for itself', ({ shortcut }) => {
    for (const reserved of RESERVED) expect(matches(event(reserved), shortcut), `${shortcut} is ${reserved}`).toBe(false);
  });

  it('no two commands share a shortcut', () => {
    const keys = all.map((s) => s.shortcut.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
