import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, DialogActions } from './dialog-actions';

afterEach(cleanup);

describe('DialogActions', () => {
  it('submits the form it stands in, cancels without submitting, and shows the error', () => {
    const submit = vi.fn();
    const cancel = vi.fn();
    render(
      <form onSubmit={(e) => (e.preventDefault(), submit())}>
        <DialogActions error="Name taken" onCancel={cancel} submitLabel="Create" />
      </form>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Name taken');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('disables a busy submit and words it with the busy label; extra buttons come first', () => {
    render(
      <DialogActions onCancel={() => {}} cancelLabel="Keep it" submitLabel="Save" busy busyLabel="Saving…">
        <button type="button">Copy</button>
      </DialogActions>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy', 'Keep it', 'Saving…']);
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a main action that is a link after Cancel', () => {
    render(<DialogActions onCancel={() => {}} cancelLabel="Close" main={<a href="/p/1">Open playlist</a>} />);
    const [close, open] = screen.getAllByRole('button').concat(screen.getAllByRole('link'));
    expect(close).toHaveAccessibleName('Close');
    expect(close.compareDocumentPosition(open) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('runs onSubmit as a plain button when given one', () => {

    const done = vi.fn();
    render(<DialogActions submitLabel="Done" onSubmit={done} disabled={false} />);
    const button = screen.getByRole('button', { name: 'Done' });
    expect(button).toHaveAttribute('type', 'button');
    fireEvent.click(button);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

describe('ConfirmDialog', () => {
  it('asks with a title and message, confirms with a filled danger button, and cancels on Escape', () => {
    const confirm = vi.fn();
    const cancel = vi.fn();
    render(<ConfirmDialog title="Delete “Plans”?" message="Visitors lose access." confirmLabel="Delete link" onConfirm={confirm} onCancel={cancel} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete “Plans”?' });
    expect(dialog).toHaveAccessibleDescription('Visitors lose access.');
    const yes = screen.getByRole('button', { name: 'Delete link' });
    expect(yes).toHaveClass('btn', 'primary', 'danger-fill');
    fireEvent.click(yes);
    expect(confirm).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('holds the confirm while busy and shows a failure', () => {
    render(<ConfirmDialog title="Leave?" confirmLabel="Leave" busy error="Could not leave" onConfirm={() => {}} onCancel={() => {}} />);
    expect(screen.getByRole('button', { name: 'Leave' })).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not leave');
  });
});
