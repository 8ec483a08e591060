import type { ReactNode } from 'react';
import { useT } from '../i18n';
import common from '../locales/en/common';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './field';
import type { IconName } from './icons';

export interface DialogActionsProps {
  /** The error line above the buttons (a failed submit). */
  error?: ReactNode;
  /** Shows the Cancel button; `cancelLabel` words it otherwise ("Keep it", "Close"). */
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  cancelDisabled?: boolean;
  /** The main button; without `onSubmit` it submits the form it stands in. */
  submitLabel?: ReactNode;
  onSubmit?: () => void;
  submitIcon?: IconName;
  /** The submit runs: it is disabled and shows `busyLabel` ("Saving…") when given. */
  busy?: boolean;
  busyLabel?: ReactNode;
  disabled?: boolean;
  /** The submit is a destructive action (filled red). */
  danger?: boolean;
  /** Buttons to the left of Cancel and the submit. */
  children?: ReactNode;
  /** The main action when it is not a button (a link styled as one), in the submit's place. */
  main?: ReactNode;
  /** Buttons start at the left (a page rather than a dialog). */
  start?: boolean;
}

/** The footer of a dialog or form: the error, then Cancel and the main action on the right. */
export function DialogActions({ error, onCancel, cancelLabel, cancelDisabled, submitLabel, onSubmit, submitIcon, busy, busyLabel, disabled, danger, children, main, start }: DialogActionsProps) {
  const tc = useT(common);
  return (
    <>
      <FormError>{error}</FormError>
      <div className={start ? 'dialog-actions start' : 'dialog-actions'}>
        {children}
        {onCancel && <Button disabled={cancelDisabled} onClick={onCancel}>{cancelLabel ?? tc('cancel')}</Button>}
        {submitLabel !== undefined && (
          <Button
            type={onSubmit ? 'button' : 'submit'}
            variant={danger ? 'danger' : 'primary'}
            filled={danger}
            icon={submitIcon}
            busy={busy}
            busyLabel={busyLabel}
            disabled={disabled}
            onClick={onSubmit}
          >
            {submitLabel}
          </Button>
        )}
        {main}

      </div>
    </>
  );
}

/**
 * Asks before a destructive action: the title says what happens, the message what it means, the
 * confirm button (filled red unless `danger` is false) does it. Closing the dialog cancels.
 */
export function ConfirmDialog({
  open = true, title, message, confirmLabel, onConfirm, onCancel, cancelLabel, cancelDisabled, busy, busyLabel, error, danger = true, children,
}: {
  open?: boolean;
  title: string;
  message?: string;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  cancelLabel?: ReactNode;
  cancelDisabled?: boolean;
  busy?: boolean;
  busyLabel?: ReactNode;
  error?: ReactNode;
  danger?: boolean;
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()} title={title} description={message}>
      {children}
      <DialogActions error={error} onCancel={onCancel} cancelLabel={cancelLabel} cancelDisabled={cancelDisabled} submitLabel
={confirmLabel} onSubmit={onConfirm} busy={busy} busyLabel={busyLabel} danger={danger} />
    </Dialog>
  );
}
