import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Icon, type IconName } from './icons';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** With `danger`: the filled red of the action a confirmation is about (delete, leave, sign out). */
  filled?: boolean;
  /** Drawn before the label; without a label the button is square and needs an `aria-label`. */
  icon?: IconName;
  /** Square like an icon button even though the content is not an `icon` (a glyph, a picture). */
  square?: boolean;
  /** Full width (sign-in forms, phone sheets). */
  wide?: boolean;
  /** Running: disabled and `aria-busy`, showing `busyLabel` (when given) instead of the label. */
  busy?: boolean;
  busyLabel?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** The class list of a button of this look, for links and Radix triggers that must look like one. */
export function buttonClass({ variant = 'secondary', filled, square, wide, className }: Pick<ButtonProps, 'variant' | 'filled' | 'square' | 'wide' | 'className'> = {}): string {
  const parts = ['btn'];
  if (square) parts.push('icon');
  if (variant === 'primary') parts.push('primary');
  else if (variant === 'ghost') parts.push('link');
  else if (variant === 'danger') parts.push(filled ? 'primary danger-fill' : 'danger');
  if (wide) parts.push('wide');
  if (className) parts.push(className);
  return parts.join(' ');
}

/**
 * The one button of the app. `type` defaults to "button": a submit button says so, so that a Cancel
 * inside a form can never submit it by accident.
 */
export function Button({ variant, filled, icon, square, wide, busy = false, busyLabel, className, type = 'button', disabled, children, ...rest }: ButtonProps) {
  const label = busy && busyLabel !== undefined ? busyLabel : children;
  const iconOnly = icon !== undefined && (label === undefined || label === null || label === false);
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass({ variant, filled, square: square || iconOnly, wide, className })}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {icon && <Icon name={icon} />}
      {label}
    </button>
  );
}
