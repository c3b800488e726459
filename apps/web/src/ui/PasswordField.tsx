import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldShell, type TextFieldProps } from './Field';

/**
 * A password input with a "Show / Hide" button (typing a password on a small phone screen blind is
 * hard). The state change is announced; the value is never lost when toggling.
 */
export function PasswordField({ id, label, hint, error, className, ...input }: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div className="password">
        <input
          id={id}
          name={id}
          type={shown ? 'text' : 'password'}
          className={['input', 'password__input', className].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...input}
        />
        <button
          type="button"
          className="button button--secondary password__toggle"
          aria-controls={id}
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {t('form.showPassword')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {shown ? t('form.passwordShown') : ''}
      </p>
    </FieldShell>
  );
}
