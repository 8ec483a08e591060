import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';
import { interpolate } from './core';

describe('displayName', () => {
  it('shows a right-to-left override as a marker, so a program does not read as a PDF', () => {
    expect(displayName('invoice\u202Efdp.exe')).toBe('invoice⟪RLO⟫fdp.exe');
  });

  it('marks every bidirectional control', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(displayName(`a${all}b`)).toBe('a⟪LRE⟫⟪RLE⟫⟪PDF⟫⟪LRO⟫⟪RLO⟫⟪LRI⟫⟪RLI⟫⟪FSI⟫⟪PDI⟫⟪LRM⟫⟪RLM⟫⟪ALM⟫b');
    expect(displayName(`x${all}`)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });

  it('leaves ordinary names alone, right-to-left scripts included', () => {
    for (const name of ['report.pdf', 'تقرير.pdf', 'דו"ח 2024.txt', 'Ünïcødé ✓.md', '']) expect(displayName(name)).toBe(name);
  });

  it('is what every message shows for a name, so toasts, dialogs and titles are neutral too', () => {
    expect(interpolate('Deleted “{name}”', { name: 'invoice\u202Efdp.exe' }, 'en')).toBe('Deleted “invoice⟪RLO⟫fdp.exe”');
  });
});
