import { describe, expect, it } from 'vitest';
import { columnsFor, estimateCardHeight, moveTo } from './layout';

describe('columnsFor', () => {
  it('fits 150px cards with 8px gaps, like the auto-fill grid it replaces', () => {
    // 1168 px: (1168 - 16 + 8) / 158 = 7.3
    expect(columnsFor(1168)).toBe(7);
    expect(columnsFor(800)).toBe(5);
    expect(columnsFor(640)).toBe(4);
  });
  it('keeps two columns on a phone and one when nothing is known yet', () => {
    expect(columnsFor(370)).toBe(2);
    expect(columnsFor(250)).toBe(2);
    expect(columnsFor(0)).toBe(1);
  });
});

it('estimates a card as a square thumbnail plus its text', () => {
  // two columns in 370 px: (370 - 16 - 8) / 2 = 173 wide
  expect(estimateCardHeight(370, 2)).toBe(217);
  expect(estimateCardHeight(100, 2)).toBe(120);
});

describe('moveTo', () => {
  it('moves by rows in a list and ignores left and right there', () => {
    expect(moveTo('ArrowDown', 3, 10, 1, 5)).toBe(4);
    expect(moveTo('ArrowUp', 0, 10, 1, 5)).toBe(0);
    expect(moveTo('ArrowRight', 3, 10, 1, 5)).toBeNull();
    expect(moveTo('PageDown', 3, 10, 1, 5)).toBe(8);
    expect(moveTo('PageDown', 8, 10, 1, 5)).toBe(9);
    expect(moveTo('End', 3, 10, 1, 5)).toBe(9);
    expect(moveTo('Home', 3, 10, 1, 5)).toBe(0);
    expect(moveTo('Enter', 3, 10, 1, 5)).toBeNull();
  });
  it('moves by columns and cards in a grid, stopping at the ends', () => {
    expect(moveTo('ArrowDown', 1, 10, 4, 2)).toBe(5);
    expect(moveTo('ArrowDown', 7, 10, 4, 2)).toBe(9);
    expect(moveTo('ArrowUp', 5, 10, 4, 2)).toBe(1);
    expect(moveTo('ArrowRight', 9, 10, 4, 2)).toBe(9);
    expect(moveTo('ArrowLeft', 4, 10, 4, 2)).toBe(3);
    expect(moveTo('PageUp', 9, 10, 4, 2)).toBe(1);
  });
  it('has nowhere to go in an empty folder', () => {
    expect(moveTo('ArrowDown', 0, 0, 1, 5)).toBeNull();
  });
});
