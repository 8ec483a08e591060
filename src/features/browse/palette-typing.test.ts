// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferPaletteTyping, takePaletteTyping } from './palette-typing';

const press = (key: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  document.body.dispatchEvent(e);
  return e;
};

afterEach(() => {
  takePaletteTyping();
  vi.useRealTimers();
});

describe('typing while the palette loads', () => {
  it('keeps the characters (Backspace included) and keeps them from the page', () => {
    const seen: string[] = [];
    const listener = (e: KeyboardEvent) => seen.push(e.key);
    document.body.addEventListener('keydown', listener);
    bufferPaletteTyping();
    for (const k of ['n', 'e', 'x', 'Backspace', 'w', ' ', 'f']) expect(press(k).defaultPrevented).toBe(true);
    expect(takePaletteTyping()).toBe('new f');
    expect(seen).toEqual([]);
    // handed over once: later keys are the page's again
    press('q');
    expect(seen).toEqual(['q']);
    expect(takePaletteTyping()).toBe('');
    document.body.removeEventListener('keydown', listener);
  });

  it('leaves shortcuts and navigation keys alone, and stops on Escape', () => {
    bufferPaletteTyping();
    expect(press('a', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    press('Escape');
    expect(press('z').defaultPrevented).toBe(false);
    expect(takePaletteTyping()).toBe('');
  });

  it('gives the keys back if the palette never arrives', () => {
    vi.useFakeTimers();
    bufferPaletteTyping();
    press('a');
    vi.advanceTimersByTime(5000);
    expect(press('b').defaultPrevented).toBe(false);
  });
});
