import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { describeAccountError } from './apiErrors';
import { useRequestPasswordReset } from './mutations';

/** Asks for a reset link. The answer is the same whether an account exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const request = useRequestPasswordReset();
  const errors = useFormErrors<'identifier'>();
  const [identifier, setIdentifier] = useState('');
  const sentHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (request.isSuccess) sentHeading.current?.focus();
  }, [request.isSuccess]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    if (!identifier.trim()) {
      errors.fail({ identifier: t('validation.identifierRequired') });
      return;
    }
    errors.clear();
    request.mutate(identifier.trim(), {
      onError: (error) => {
        const described = describeAccountError(t, error);
        errors.fail({ identifier: described.fields.identifier }, described.form);
      },
    });
  };

  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      {request.isSuccess ? (
        <div className="notice">
          <h2 ref={sentHeading} tabIndex={-1}>
            {t('forgot.sentTitle')}
          </h2>
          <p>{t('forgot.sent')}</p>
          <p>{t('forgot.help')}</p>
          <p>
            <Link to={paths.signIn}>{t('forgot.back')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <ErrorSummary errors={errors.summary(['identifier'])} formError={errors.form} focusKey={errors.focusKey} />
          <form className="form" noValidate onSubmit={onSubmit}>
            <TextField
              id="identifier"
              label={t('fields.identifier')}
              hint={t('fields.identifierHint')}
              error={errors.fields.identifier}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
            />
            <div className="form__actions">
              <Button type="submit" className="button--wide" busy={request.isPending} busyLabel={t('forgot.submitting')}>
                {t('forgot.submit')}
              </Button>
            </div>
          </form>
          <p className="form__after">
            <Link to={paths.signIn}>{t('forgot.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
