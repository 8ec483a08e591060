import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage, setLanguage } from '../i18n';
import { commandById, commands } from './file-commands';
import { shortcutLabel, type CommandContext } from './registry';

afterEach(() => {
  resetLanguage();
  localStorage.clear();
});

const ctx = (online: boolean): CommandContext => ({ items: [], folder: undefined, online, ui: {} as CommandContext['ui'] });

describe('commands in the app language', () => {
  it('label every command, in English by default', () => {
    for (const c of commands) expect(c.label, c.id).toMatch(/^[A-Z]/);
    expect(commandById('delete').label).toBe('Move to trash');
    expect(commandById('new-folder').reason?.(ctx(false))).toBe('Needs a connection');
  });

  it('read labels, reasons and key names at the time they are shown', async () => {
    await setLanguage('de');
    expect(commandById('delete').label).toBe('In den Papierkorb');
    expect(commandById('new-folder').reason?.(ctx(false))).toBe('Braucht eine Verbindung');
    expect(commandById('share').reason?.(ctx(true))).toBe('Wählen Sie einen Ihrer eigenen Ordner aus');
    if (!/Mac|iPhone|iPad/.test(navigator.platform)) expect(shortcutLabel('Mod+Shift+N')).toBe('Strg+Umschalt+N');
    resetLanguage();
    expect(commandById('delete').label).toBe('Move to trash');
    if (!/Mac|iPhone|iPad/.test(navigator.platform)) expect(shortcutLabel('Mod+Shift+N')).toBe('Ctrl+Shift+N');
  });
});
