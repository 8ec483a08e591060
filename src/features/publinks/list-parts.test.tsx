import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, usePagedFilter } from './list-parts';

interface Item { id: number; name: string }
const items: Item[] = Array.from({ length: 250 }, (_, i) => ({ id: i, name: i % 2 ? `odd report ${i}` : `even notes ${i}` }));
const text = (t: Item) => t.name;
const created = (t: Item) => t.id;

describe('usePagedFilter', () => {
  it('shows the newest page first and grows on demand', () => {
    const { result } = renderHook(() => usePagedFilter(items, text, created));
    expect(result.current.rows).toHaveLength(PAGE_SIZE);
    expect(result.current.rows[0].id).toBe(249);
    expect(result.current.total).toBe(250);
    act(() => result.current.more!());
    expect(result.current.rows).toHaveLength(2 * PAGE_SIZE);
    act(() => result.current.more!());
    expect(result.current.rows).toHaveLength(250);
    expect(result.current.more).toBeNull();
  });

  it('filters by every typed word, case-insensitively, and starts paging again', () => {
    const { result } = renderHook(() => usePagedFilter(items, text, created));
    act(() => result.current.more!());
    act(() => result.current.setQuery('REPORT 24'));
    expect(result.current.rows.map((r) => r.id)).toEqual([249, 247, 245, 243, 241]);
    act(() => result.current.setQuery('odd'));
    expect(result.current.total).toBe(125);
    expect(result.current.rows).toHaveLength(PAGE_SIZE);
  });
});
