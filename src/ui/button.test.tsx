import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, buttonClass } from './button';

afterEach(cleanup);

describe('Button', () => {
  it('is a plain button by default, so a Cancel inside a form never submits it', () => {
    const submit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => submit(e.nativeEvent)}>
        <Button>Cancel</Button>
        <Button type="submit" variant="primary">Save</Button>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(submit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('maps each variant onto the classes the style sheet knows', () => {
    expect(buttonClass()).toBe('btn');
    expect(buttonClass({ variant: 'primary' })).toBe('btn primary');
    expect(buttonClass({ variant: 'danger' })).toBe('btn danger');
    expect(buttonClass({ variant: 'danger', filled: true })).toBe('btn primary danger-fill');
    expect(buttonClass({ variant: 'ghost' })).toBe('btn link');
    expect(buttonClass({ variant: 'primary', wide: true, className: 'extra' })).toBe('btn primary wide extra');
  });

  it('draws an icon before the label, and an icon alone makes a square button named by aria-label', () => {
    const { container } = render(
      <>
        <Button icon="copy">Copy link</Button>
        <Button icon="trash" variant="danger" aria-label="Delete Plans" title="Delete" />
      </>,
    );
    const [labelled, square] = screen.getAllByRole('button');
    expect(labelled).toHaveAccessibleName('Copy link');
    expect(labelled).toHaveClass('btn');
    expect(labelled).not.toHaveClass('icon');
    expect(square).toHaveAccessibleName('Delete Plans');
    expect(square).toHaveClass('btn', 'icon', 'danger');
    expect(container.querySelectorAll('svg[aria-hidden="true"]')).toHaveLength(2);
  });

  it('while busy is disabled, marked aria-busy and shows its busy label', () => {
    const click = vi.fn();
    const { rerender } = render(<Button busy busyLabel="Saving…" onClick={click}>Save</Button>);
    const button = screen.getByRole('button', { name: 'Saving…' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(button);
    expect(click).not.toHaveBeenCalled();
    rerender(<Button busy={false} busyLabel="Saving…" onClick={click}>Save</Button>);
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(screen.getByRole('button')).not.toHaveAttribute('aria-busy');
  });
});
