import type { FileMetadata, Metadata } from '../api/protocol/types';
import { playQueue } from '../stores/player';
import { openDialog, type DialogKind } from '../stores/dialogs';
import { getT } from '../i18n';
import common from '../locales/en/common';
import cmds from '../locales/en/commands';
import type { Command, CommandContext } from './registry';

const t = getT(cmds);
const tc = getT(common);

const one = (ctx: CommandContext) => ctx.items.length === 1;
const some = (ctx: CommandContext) => ctx.items.length > 0;
const writable = (ctx: CommandContext) => ctx.online && (ctx.folder?.ismine !== false || ctx.folder?.cancreate === true);
const ARCHIVE = /\.(zip)$/i;
const isAudio = (m: Metadata) => !m.isfolder && m.category === 3;
const PLAYABLE = (m: Metadata) => !m.isfolder && (m.category === 2 || m.category === 3);
/** The selected folder, or the open folder when nothing is selected (never the root for sharing). */
const targetFolder = (ctx: CommandContext): Metadata | undefined =>
  ctx.items.length === 1 ? (ctx.items[0].isfolder ? ctx.items[0] : undefined) : ctx.items.length === 0 && ctx.folder && ctx.folder.folderid !== 0 ? ctx.folder : undefined;
const dialog = (kind: DialogKind, items: (c: CommandContext) => readonly Metadata[]) => (c: CommandContext) =>
  openDialog({ kind, items: items(c), folder: c.folder });
const offlineReason = (ctx: CommandContext) => (ctx.online ? null : tc('offlineAction'));
// In a folder shared with me, the share's rights decide (canmodify for rename/move, candelete for delete).
const mayModify = (m: Metadata) => m.ismine !== false || m.canmodify === true;
const mayDelete = (m: Metadata) => m.ismine !== false || m.candelete === true;
const rightsReason = (ctx: CommandContext) =>
  offlineReason(ctx) ?? (ctx.items.some((m) => m.ismine === false) ? t('notAllowed') : null);

type Definition = Omit<Command, 'label'> & { label: Exclude<keyof typeof cmds.messages, 'withShortcut' | 'withReason'> };

/** A command whose label is read in the app's language each time it is shown. */
const define = (d: Definition): Command => Object.defineProperty({ ...d }, 'label', { get: () => t(d.label), enumerable: true }) as Command;

/** Every user action, once: toolbar, context menu, keyboard and the command palette all run these. */
export const commands: Command[] = ([
  {
    id: 'open', menuGroup: 'open', icon: 'open', label: 'open', group: 'file', shortcut: 'Enter',
    enabled: one, run: (c) => c.ui.open(c.items[0]),
  },
  {
    id: 'new-folder', menuGroup: 'organise', icon: 'plus', label: 'newFolder', group: 'folder', shortcut: 'Shift+N', keywords: ['create', 'mkdir', 'directory'],
    enabled: writable, reason: offlineReason, run: (c) => c.ui.newFolder(),
  },
  {
    id: 'rename', menuGroup: 'organise', icon: 'rename', label: 'rename', group: 'file', shortcut: 'F2',
    enabled: (c) => one(c) && c.online && mayModify(c.items[0]), reason: rightsReason, run: (c) => c.ui.rename(c.items[0]),
  },
  {
    id: 'move', menuGroup: 'organise', icon: 'move', label: 'move', group: 'file', shortcut: 'Shift+M', keywords: ['cut', 'relocate'],
    enabled: (c) => some(c) && c.online && c.items.every(mayModify), reason: rightsReason, run: (c) => c.ui.moveTo(c.items),
  },
  {
    id: 'copy', menuGroup: 'organise', icon: 'copy', label: 'copy', group: 'file', shortcut: 'Shift+C', keywords: ['duplicate'],
    enabled: (c) => some(c) && c.online, reason: offlineReason, run: (c) => c.ui.copyTo(c.items),
  },
  {
    id: 'download', menuGroup: 'open', icon: 'download', label: 'download', group: 'file', shortcut: 'Shift+D',
    // one file goes straight to the browser; several items or a folder go as a zip (the dialog
    // offers them one by one where the sign-in may not make zips)
    enabled: (c) => some(c) && c.online, reason: offlineReason,
    run: (c) => (one(c) && !c.items[0].isfolder ? c.ui.download(c.items[0]) : openDialog({ kind: 'zip-download', items: c.items, folder: c.folder })),
  },
  {
    id: 'delete', menuGroup: 'danger', icon: 'trash', label: 'delete', group: 'file', shortcut: 'Delete', keywords: ['remove', 'delete', 'trash'],
    enabled: (c) => some(c) && c.online && c.items.every(mayDelete), reason: rightsReason, run: (c) => c.ui.remove(c.items),
  },
  {
    id: 'share', menuGroup: 'share', icon: 'share', label: 'share', group: 'file', shortcut: 'Shift+S', keywords: ['invite', 'collaborate', 'permissions'],
    enabled: (c) => c.online && targetFolder(c)?.ismine === true, reason: (c) => offlineReason(c) ?? t('selectOwnFolder'),
    run: dialog('share', (c) => [targetFolder(c)!]),
  },
  {
    id: 'get-link', menuGroup: 'share', icon: 'link', label: 'getLink', group: 'file', shortcut: 'Shift+L', keywords: ['publink', 'url', 'send', 'qr'],
    enabled: (c) => c.online && (some(c) || (c.folder?.folderid ?? 0) !== 0), reason: offlineReason,
    run: dialog('publink', (c) => (c.items.length ? c.items : [c.folder!])),
  },
  {
    id: 'upload-link', menuGroup: 'share', icon: 'upload', label: 'uploadLink', group: 'folder', keywords: ['request files', 'collect', 'puplink'],
    enabled: (c) => c.online && (targetFolder(c)?.ismine ?? (c.items.length === 0 && c.folder?.folderid === 0)), reason: offlineReason,
    run: dialog('uploadlink', (c) => [targetFolder(c) ?? c.folder!]),
  },
  {
    id: 'download-zip', menuGroup: 'open', icon: 'zip', label: 'downloadZip', group: 'file', keywords: ['archive', 'compress'],
    enabled: (c) => c.online && (c.items.length > 1 || (one(c) && c.items[0].isfolder)), reason: offlineReason,
    run: dialog('zip-download', (c) => c.items),
  },
  {
    id: 'save-zip', menuGroup: 'organise', icon: 'zip', label: 'saveZip', group: 'file', keywords: ['archive', 'compress', 'savezip'],
    enabled: (c) => some(c) && writable(c), reason: offlineReason,
    run: dialog('zip-save', (c) => c.items),
  },
  {
    id: 'extract', menuGroup: 'organise', icon: 'unzip', label: 'extract', group: 'file', keywords: ['unzip', 'unpack', 'decompress'],
    enabled: (c) => one(c) && !c.items[0].isfolder && ARCHIVE.test(c.items[0].name) && c.online, reason: offlineReason,
    run: dialog('extract', (c) => c.items),
  },
  {
    id: 'versions', menuGroup: 'open', icon: 'history', label: 'versions', group: 'file', keywords: ['revisions', 'history', 'restore', 'revert'],
    enabled: (c) => one(c) && !c.items[0].isfolder && c.online, reason: offlineReason,
    run: dialog('revisions', (c) => c.items),
  },
  {
    id: 'play', menuGroup: 'open', icon: 'play', label: 'play', group: 'file', shortcut: 'Shift+P', keywords: ['music', 'listen', 'queue', 'audio'],
    enabled: (c) => c.online && c.items.some(isAudio), reason: (c) => offlineReason(c) ?? t('selectAudio'),
    run: (c) => playQueue(c.items.filter(isAudio) as FileMetadata[], 0, c.folder?.name),
  },
  {
    id: 'add-to-collection', menuGroup: 'organise', icon: 'music', label: 'addToCollection', group: 'file', keywords: ['collection', 'playlist', 'music'],
    enabled: (c) => c.online && some(c) && c.items.every(PLAYABLE), reason: (c) => offlineReason(c) ?? t('selectPlayable'),
    run: dialog('add-to-collection', (c) => c.items),
  },
  {
    id: 'remote-upload', menuGroup: 'organise', icon: 'web', label: 'remoteUpload', group: 'folder', keywords: ['url', 'remote', 'downloadfile', 'fetch'],
    enabled: writable, reason: offlineReason,
    run: dialog('remote-upload', () => []),
  },
  { id: 'select-all', icon: 'check', label: 'selectAll', group: 'view', shortcut: 'Mod+A', enabled: () => true, run: (c) => c.ui.selectAll() },
  { id: 'details', menuGroup: 'open', icon: 'info', label: 'details', group: 'view', shortcut: 'Alt+Enter', keywords: ['info', 'properties'], enabled: () => true, run: (c) => c.ui.toggleDetails() },
  { id: 'view', icon: 'grid', label: 'view', group: 'view', shortcut: 'Shift+V', keywords: ['grid', 'list', 'layout'], enabled: () => true, run: (c) => c.ui.toggleView() },
  { id: 'up', icon: 'up', label: 'up', group: 'view', shortcut: 'Backspace', enabled: (c) => (c.folder?.folderid ?? 0) !== 0, run: (c) => c.ui.up() },
  { id: 'refresh', icon: 'refresh', label: 'refresh', group: 'view', shortcut: 'Shift+R', keywords: ['reload'], enabled: (c) => c.online, run: (c) => c.ui.refresh() },
  { id: 'filter', icon: 'search', label: 'filter', group: 'view', shortcut: 'Mod+F', keywords: ['search', 'find'], enabled: () => true, run: (c) => c.ui.focusFilter() },
] satisfies Definition[]).map(define);

export const commandById = (id: string) => commands.find((c) => c.id === id)!;
