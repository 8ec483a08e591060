import { describe, expect, it } from 'vitest';
import { groupsOf, type PopupMenuItem } from './popup-menu';

const item = (id: string, group?: string): PopupMenuItem => ({ id, label: id, group, onSelect: () => {} });

describe('groupsOf', () => {
  it('keeps consecutive items of a group together, in order', () => {
    const groups = groupsOf([item('open', 'open'), item('download', 'open'), item('move', 'organise'), item('delete', 'danger')]);
    expect(groups.map((g) => g.map((i) => i.id))).toEqual([['open', 'download'], ['move'], ['delete']]);
  });
  it('makes one group of a menu without groups', () => {
    expect(groupsOf([item('a'), item('b')])).toHaveLength(1);
    expect(groupsOf([])).toEqual([]);
  });
});
