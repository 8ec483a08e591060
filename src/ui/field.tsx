import { useId, type ReactNode } from 'react';

/** What a control inside a `Field` gets: its id and the wiring to the hint and the error. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled control with an optional hint and error. The label wraps the control (so clicking the
 * words focuses it) and nothing else, or they would join its name; hint and error are tied to it by `aria-describedby`, and an error marks it
 * `aria-invalid`. The control is a render function so any input, select or textarea fits.
 */
export function Field({ label, hint, error, className, children }: { label: ReactNode; hint?: ReactNode; error?: ReactNode; className?: string; children: (control: FieldControl) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label className={className ? `field ${className}` : 'field'}>
        <span>{label}</span>
        {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      </label>
      {hint && (
        <p id={hintId} className="muted field-hint">
          {hint}
        </p>
      )}
      <FormError id={errorId}>{error}</FormError>
    </>
  );
}

/** A form's (or a field's) error line, announced when it appears; nothing when there is none. */
export function FormError({ id, className, children }: { id?: string; className?: string; children?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '') return null;
  return (
    <p id={id} className={className ? `field-error ${className}` : 'field-error'} role="alert">
      {children}
    </p>
  );
}
