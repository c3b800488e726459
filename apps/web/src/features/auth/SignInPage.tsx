import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { NEXT_PARAM, paths } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { PasswordField } from '../../ui/PasswordField';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { describeAccountError } from './apiErrors';
import { nationalIdStartUrl, useAuthProviders, useSignIn } from './mutations';
import { OidcErrorNotice } from './OidcErrorNotice';
import { useReturnPath } from './useReturnPath';

type Field = 'identifier' | 'password';
const FIELD_ORDER: readonly Field[] = ['identifier', 'password'];

export interface SignInState {
  /** Set by the reset page after a new password was saved. */
  resetDone?: boolean;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const returnTo = useReturnPath();
  usePageTitle(t('signIn.title'));
  const signIn = useSignIn();
  const providers = useAuthProviders();
  const errors = useFormErrors<Field>();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const resetDone = (location.state as SignInState | null)?.resetDone === true;
  const withNext = (path: string) => (returnTo ? `${path}?${NEXT_PARAM}=${encodeURIComponent(returnTo)}` : path);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const found: FieldErrors<Field> = {};
    if (!identifier.trim()) found.identifier = t('validation.identifierRequired');
    if (!password) found.password = t('validation.passwordRequired');
    if (hasErrors(found)) {
      errors.fail(found);
      return;
    }
    errors.clear();
    signIn.mutate(
      { identifier: identifier.trim(), password },
      {
        onSuccess: () => void navigate(returnTo ?? paths.catalog, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) {
            errors.fail({}, t('signIn.wrongCredentials'));
            return;
          }
          if (error instanceof ApiError && error.status === 403) {
            errors.fail({}, t('signIn.disabled'));
            return;
          }
          const described = describeAccountError(t, error);
          errors.fail({ identifier: described.fields.identifier, password: described.fields.password }, described.form);
        },
      },
    );
  };

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {returnTo && !resetDone ? <p className="lead">{t('signIn.needed')}</p> : null}
      {resetDone ? (
        <div className="notice" role="status">
          <p>{t('signIn.resetDone')}</p>
        </div>
      ) : null}
      <OidcErrorNotice code={params.get('oidcError')} />
      <ErrorSummary errors={errors.summary(FIELD_ORDER)} formError={errors.form} focusKey={errors.focusKey} />
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
        <PasswordField
          id="password"
          label={t('fields.password')}
          error={errors.fields.password}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p>
          <Link to={paths.forgotPassword}>{t('signIn.forgot')}</Link>
        </p>
        <div className="form__actions">
          <Button type="submit" className="button--wide" busy={signIn.isPending} busyLabel={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      {providers.data?.nationalId ? (
        <>
          <p className="or">{t('signIn.or')}</p>
          {/* A page navigation (the provider's sign-in page), hence a link. */}
          <a className="button button--secondary button--wide" href={nationalIdStartUrl({ returnTo: returnTo ?? paths.catalog })} aria-describedby="vneid-hint">
            {t('signIn.vneid')}
          </a>
          <p id="vneid-hint" className="field__hint">
            {t('signIn.vneidHint')}
          </p>
        </>
      ) : null}
      <p className="form__after">
        {t('signIn.noAccount')} <Link to={withNext(paths.signUp)}>{t('signIn.signUpLink')}</Link>
      </p>
    </div>
  );
}
