import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetLanguage } from '../i18n';
import { EmptyState, ErrorState } from './empty-state';

afterEach(cleanup);
afterEach(resetLanguage);

describe('EmptyState', () => {
  it('shows a heading, the text and the action', () => {
    const { container } = render(<EmptyState icon="link" title="No links yet" text="Share a file to make one." action={<a href="/">Go to files</a>} />);
    expect(screen.getByRole('heading', { level: 2, name: 'No links yet' })).toBeInTheDocument();
    expect(screen.getByText('Share a file to make one.')).toHaveClass('muted');
    expect(screen.getByRole('link', { name: 'Go to files' })).toBeInTheDocument();
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ErrorState', () => {
  it('is an alert with the reason and a Try again that retries', () => {
    const retry = vi.fn();
    render(<ErrorState title="Could not load" detail="No connection" onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not loadNo connectionTry again');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
