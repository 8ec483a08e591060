import type { Command, CommandContext } from './registry';

const one = (ctx: CommandContext) => ctx.items.length === 1;
const some = (ctx: CommandContext) => ctx.items.length > 0;
const writable = (ctx: CommandContext) => ctx.online && (ctx.folder?.ismine !== false || ctx.folder?.cancreate === true);
const offlineReason = (ctx: CommandContext) => (ctx.online ? null : 'Needs a connection');

/** Every user action, once: toolbar, context menu, keyboard and the command palette all run these. */
export const commands: Command[] = [
  {
    id: 'open', label: 'Open', group: 'file', shortcut: 'Enter',
    enabled: one, run: (c) => c.ui.open(c.items[0]),
  },
  {
    id: 'new-folder', label: 'New folder', group: 'folder', shortcut: 'Mod+Shift+N', keywords: ['create', 'mkdir', 'directory'],
    enabled: writable, reason: offlineReason, run: (c) => c.ui.newFolder(),
  },
  {
    id: 'rename', label: 'Rename', group: 'file', shortcut: 'F2',
    enabled: (c) => one(c) && c.online, reason: offlineReason, run: (c) => c.ui.rename(c.items[0]),
  },
  {
    id: 'move', label: 'Move to…', group: 'file', shortcut: 'Mod+Shift+M', keywords: ['cut', 'relocate'],
    enabled: (c) => some(c) && c.online, reason: offlineReason, run: (c) => c.ui.moveTo(c.items),
  },
  {
    id: 'copy', label: 'Copy to…', group: 'file', shortcut: 'Mod+Shift+C', keywords: ['duplicate'],
    enabled: (c) => some(c) && c.online, reason: offlineReason, run: (c) => c.ui.copyTo(c.items),
  },
  {
    id: 'download', label: 'Download', group: 'file', shortcut: 'Mod+Shift+D',
    enabled: (c) => one(c) && !c.items[0].isfolder && c.online, reason: offlineReason, run: (c) => c.ui.download(c.items[0]),
  },
  {
    id: 'delete', label: 'Move to trash', group: 'file', shortcut: 'Delete', keywords: ['remove', 'delete', 'trash'],
    enabled: (c) => some(c) && c.online, reason: offlineReason, run: (c) => c.ui.remove(c.items),
  },
  { id: 'select-all', label: 'Select all', group: 'view', shortcut: 'Mod+A', enabled: () => true, run: (c) => c.ui.selectAll() },
  { id: 'details', label: 'Show or hide details', group: 'view', shortcut: 'Alt+Enter', keywords: ['info', 'properties'], enabled: () => true, run: (c) => c.ui.toggleDetails() },
  { id: 'view', label: 'Switch list / grid view', group: 'view', shortcut: 'Mod+Shift+G', keywords: ['grid', 'list', 'layout'], enabled: () => true, run: (c) => c.ui.toggleView() },
  { id: 'up', label: 'Go to parent folder', group: 'view', shortcut: 'Backspace', enabled: (c) => (c.folder?.folderid ?? 0) !== 0, run: (c) => c.ui.up() },
  { id: 'refresh', label: 'Refresh', group: 'view', shortcut: 'Mod+Shift+R', keywords: ['reload'], enabled: (c) => c.online, run: (c) => c.ui.refresh() },
  { id: 'filter', label: 'Filter this folder', group: 'view', shortcut: 'Mod+F', keywords: ['search', 'find'], enabled: () => true, run: (c) => c.ui.focusFilter() },
];

export const commandById = (id: string) => commands.find((c) => c.id === id)!;
