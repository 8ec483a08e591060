import { describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { closeDialog, useOpenDialog } from '../stores/dialogs';
import type { FileMetadata, FolderMetadata, Metadata } from '../api/protocol/types';
import { commands } from './file-commands';
import { commandMenu } from './menu';
import { menuGroups, type CommandContext } from './registry';

const file = { id: 'f1', fileid: 1, name: 'a.txt', isfolder: false, ismine: true, category: 4, size: 1 } as unknown as FileMetadata;
const file2 = { ...file, id: 'f2', fileid: 2, name: 'b.txt' } as FileMetadata;
const folder = { id: 'd5', folderid: 5, name: 'Docs', isfolder: true, ismine: true } as unknown as FolderMetadata;

const ctx = (items: Metadata[], ui: Partial<CommandContext['ui']> = {}): CommandContext => ({
  items, folder: { ...folder, folderid: 9 } as FolderMetadata, online: true, ui: ui as CommandContext['ui'],
});

describe('command menus', () => {
  it('groups the commands as open, organise, share, danger, each with an icon', () => {
    const menu = commandMenu(commands, ctx([file]));
    const groups = menu.map((m) => m.group);
    expect(groups).toEqual([...groups].sort((a, b) => menuGroups.indexOf(a) - menuGroups.indexOf(b)));
    expect(new Set(groups)).toEqual(new Set(menuGroups));
    expect(menu.every((m) => m.icon)).toBe(true);
    expect(menu.filter((m) => m.danger).map((m) => m.id)).toEqual(['delete']);
    expect(menu[0].id).toBe('open');
  });

  it('leaves out view commands and commands that do not apply', () => {
    const ids = commandMenu(commands, ctx([file, file2])).map((m) => m.id);
    expect(ids).not.toContain('open');
    expect(ids).not.toContain('select-all');
    expect(ids).not.toContain('refresh');
    expect(ids).toContain('delete');
  });

  it('every command has an icon, and every command offered on items a menu group', () => {
    for (const c of commands) {
      expect(c.icon, c.id).toBeTruthy();
      if (!['select-all', 'view', 'up', 'refresh', 'filter'].includes(c.id)) expect(c.menuGroup, c.id).toBeDefined();
    }
  });

  it('runs the command on the context it was built for', () => {
    const download = vi.fn();
    commandMenu(commands, ctx([file], { download })).find((m) => m.id === 'download')!.onSelect();
    expect(download).toHaveBeenCalledWith(file);
  });
});

describe('Download', () => {
  it('applies to several items and to folders, not only to one file', () => {
    const download = commands.find((c) => c.id === 'download')!;
    expect(download.enabled(ctx([file]))).toBe(true);
    expect(download.enabled(ctx([file, file2]))).toBe(true);
    expect(download.enabled(ctx([folder]))).toBe(true);
    expect(download.enabled(ctx([]))).toBe(false);
    expect(download.enabled({ ...ctx([file, file2]), online: false })).toBe(false);
  });
});

describe('Download of several items', () => {
  it('opens the zip download (which falls back to one by one) for several items or a folder', () => {
    const download = vi.fn();
    const cmd = commands.find((c) => c.id === 'download')!;
    cmd.run(ctx([file, file2], { download }));
    expect(download).not.toHaveBeenCalled();
    expect(renderHook(() => useOpenDialog()).result.current).toMatchObject({ kind: 'zip-download', items: [file, file2] });
    closeDialog();
    cmd.run(ctx([folder], { download }));
    expect(renderHook(() => useOpenDialog()).result.current).toMatchObject({ kind: 'zip-download', items: [folder] });
    closeDialog();
  });
});
