import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field, FormError } from './field';

afterEach(cleanup);

describe('Field', () => {
  it('labels its control and describes it by its hint', () => {
    render(<Field label="Folder name" hint="No slashes">{(c) => <input {...c} />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Folder name' });
    expect(input).toHaveAccessibleDescription('No slashes');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks the control invalid and ties the announced error to it', () => {
    render(<Field label="Folder name" hint="No slashes" error="A name cannot contain /">{(c) => <input {...c} />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Folder name' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('No slashes A name cannot contain /');
    expect(screen.getByRole('alert')).toHaveTextContent('A name cannot contain /');
  });
});

describe('FormError', () => {
  it('is an alert when there is an error and nothing otherwise', () => {
    const { rerender, container } = render(<FormError>Could not save</FormError>);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not save');
    rerender(<FormError>{null}</FormError>);
    expect(container).toBeEmptyDOMElement();
    rerender(<FormError>{''}</FormError>);
    expect(container).toBeEmptyDOMElement();
  });
});
