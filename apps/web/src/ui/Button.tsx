import type { ButtonHTMLAttributes, ReactNode } from 'react';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'link' | 'danger';
  /** While a request runs: the button says so (busyLabel) and ignores presses, but keeps focus. */
  busy?: boolean;
  busyLabel?: ReactNode;
};

/** A button that stays focusable while busy (aria-disabled, not disabled) so focus is not lost. */
export function Button({ variant = 'primary', busy = false, busyLabel, className, children, onClick, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={['button', variant === 'primary' ? null : `button--${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
