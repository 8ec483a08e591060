import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useRowWindow } from './row-window';

/** A list element whose box sits `top` px below the window's top edge (negative once scrolled past). */
function listAt(top: number, width = 600) {
  const el = document.createElement('ul');
  let at = top;
  el.getBoundingClientRect = () => ({ top: at, left: 0, right: width, bottom: at + 10_000, width, height: 10_000, x: 0, y: at, toJSON: () => ({}) });
  Object.defineProperty(el, 'clientWidth', { get: () => width });
  document.body.append(el);
  return { el, moveTo: (next: number) => (at = next) };
}

const innerHeight = window.innerHeight;
afterEach(() => {
  document.body.replaceChildren();
  Object.defineProperty(window, 'innerHeight', { value: innerHeight, configurable: true });
});

describe('useRowWindow against the page scroll', () => {
  it('renders the rows the window shows, from where the list sits on the page', () => {
    Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
    const list = listAt(200);
    const { result } = renderHook(() => useRowWindow({ current: list.el }, { items: 2000, rowHeight: 50, columns: () => 1, overscan: 2, scroller: 'window' }));
    // 600 px of list in view below its top edge at 200 px: rows 0–11
    expect([result.current.visibleFirst, result.current.visibleLast]).toEqual([0, 11]);
    expect(result.current.totalHeight).toBe(100_000);

    list.moveTo(-5_010);
    act(() => void window.dispatchEvent(new Event('scroll')));
    expect([result.current.visibleFirst, result.current.visibleLast]).toEqual([100, 116]);
    expect([result.current.first, result.current.last]).toEqual([98, 118]);
  });

  it('lays a grid out in the columns its width holds', () => {
    Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
    const list = listAt(0, 900);
    const { result } = renderHook(() => useRowWindow({ current: list.el }, { items: 1000, rowHeight: 200, columns: (w) => Math.floor(w / 150), overscan: 0, scroller: 'window' }));
    expect(result.current.cols).toBe(6);
    expect([result.current.visibleFirst, result.current.visibleLast]).toEqual([0, 3]);
    expect(result.current.totalHeight).toBe(Math.ceil(1000 / 6) * 200);
  });
});
