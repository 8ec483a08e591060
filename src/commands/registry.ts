import type { FolderMetadata, Metadata } from '../api/protocol/types';
import { getT } from '../i18n';
import cmds from '../locales/en/commands';

/** What a command may act on, and the UI actions the current view offers it. */
export interface CommandContext {
  items: readonly Metadata[];
  folder: FolderMetadata | undefined;
  online: boolean;
  ui: {
    open(item: Metadata): void;
    up(): void;
    newFolder(): void;
    rename(item: Metadata): void;
    moveTo(items: readonly Metadata[]): void;
    copyTo(items: readonly Metadata[]): void;
    remove(items: readonly Metadata[]): void;
    download(item: Metadata): void;
    toggleDetails(): void;
    toggleView(): void;
    selectAll(): void;
    refresh(): void;
    focusFilter(): void;
  };
}

/** Where a command sits in menus: what opens or fetches, what rearranges, what hands out, what destroys. */
export type MenuGroup = 'open' | 'organise' | 'share' | 'danger';
export const menuGroups: readonly MenuGroup[] = ['open', 'organise', 'share', 'danger'];

/** Names of src/ui/icons.tsx's interface icons that commands use (commands may not import ui). */
export type CommandIcon =
  | 'open' | 'plus' | 'rename' | 'move' | 'copy' | 'download' | 'trash' | 'share' | 'link' | 'upload' | 'zip'
  | 'unzip' | 'history' | 'play' | 'music' | 'web' | 'check' | 'info' | 'grid' | 'up' | 'refresh' | 'search';

export interface Command {
  id: string;
  /** The menu section it is listed in (view commands have none: they are not offered on items). */
  menuGroup?: MenuGroup;
  icon: CommandIcon;
  /** In the app's language at the time it is read (file-commands.ts): read it while rendering. */
  label: string;
  /**
   * e.g. 'F2', 'Delete', 'Shift+N', 'Mod+K' (Mod = Ctrl, or Cmd on macOS). Only keys a desktop
   * browser hands to the page: Ctrl+Shift+N/R/C/D/P… open windows, reload, open the developer tools
   * or bookmark before a page sees them (shortcuts.test.ts keeps that list).
   */
  shortcut?: string;
  keywords?: string[];
  group: 'file' | 'folder' | 'view';
  /** Shown in the toolbar/context menu only when true; the palette explains why otherwise. */
  enabled(ctx: CommandContext): boolean;
  /** Why a disabled command cannot run (for tooltips and the palette). */
  reason?(ctx: CommandContext): string | null;
  run(ctx: CommandContext): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const t = getT(cmds);
const keyNames: Record<string, 'keyCtrl' | 'keyShift' | 'keyAlt' | 'keyEnter' | 'keyDelete' | 'keyBackspace'> = {
  Mod: 'keyCtrl', Shift: 'keyShift', Alt: 'keyAlt', Enter: 'keyEnter', Delete: 'keyDelete', Backspace: 'keyBackspace',
};
const macSymbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };

/** 'Mod+Shift+N' → "Ctrl+Shift+N" ("Strg+Umschalt+N" in German), or "⌘⇧N" on macOS. */
export function shortcutLabel(s: string): string {
  const keys = s.split('+').map((k) => (isMac && macSymbols[k]) || (k in keyNames ? t(keyNames[k]) : k));
  return keys.join(isMac ? '' : '+');
}

/** Does a keyboard event match a shortcut like 'Mod+Shift+N' or 'F2'? */
export function matches(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  const modDown = isMac ? e.metaKey : e.ctrlKey;
  if (mod !== modDown || shift !== e.shiftKey || alt !== e.altKey) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

/**
 * Keys the pages handle themselves rather than through a command (the shell's search field and
 * shortcut sheet, the browse page's palette); the shortcut sheet lists them with the commands.
 */
export const pageShortcuts: readonly { id: string; shortcut: string; label: () => string }[] = [
  { id: 'search-files', shortcut: '/', label: () => t('searchFiles') },
  { id: 'shortcut-sheet', shortcut: '?', label: () => t('shortcutSheet') },
  { id: 'palette', shortcut: 'Mod+K', label: () => t('paletteOpen') },
];
