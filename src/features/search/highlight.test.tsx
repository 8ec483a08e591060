import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { highlight, queryWords } from './highlight';

describe('highlight', () => {
  it('marks every word, ignoring case and accents, as text', () => {
    const { container } = render(<span>{highlight('Crème <b>Brûlée</b>.pdf', queryWords('creme BRULEE'))}</span>);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Crème', 'Brûlée']);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('Crème <b>Brûlée</b>.pdf');
  });

  it('leaves names without matches alone', () => {
    expect(highlight('notes.txt', [])).toBe('notes.txt');
    const { container } = render(<span>{highlight('notes.txt', ['zzz'])}</span>);
    expect(container.querySelector('mark')).toBeNull();
  });
});
