import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { PasswordField } from '../../ui/PasswordField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { describeAccountError, passwordError } from './apiErrors';
import { useConfirmPasswordReset } from './mutations';
import type { SignInState } from './SignInPage';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The token of the link (`#token=…`, which browsers never send to a server or in a Referer; a
 * `?token=` query is read too). It is then removed from the address bar and the history, so that
 * it does not linger on a shared phone.
 */
function readToken(hash: string, search: string): string | undefined {
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? new URLSearchParams(search).get('token');
  return token && TOKEN.test(token) ? token : undefined;
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  usePageTitle(t('reset.title'));
  const [token] = useState(() => readToken(location.hash, location.search));
  useEffect(() => {
    if (location.hash || location.search) void navigate(location.pathname, { replace: true });
  }, [location, navigate]);
  const [invalidLink, setInvalidLink] = useState(!token);
  const confirm = useConfirmPasswordReset();
  const errors = useFormErrors<'password'>();
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending || !token) return;
    const problem = passwordError(t, password);
    if (problem) {
      errors.fail({ password: problem });
      return;
    }
    errors.clear();
    confirm.mutate(
      { token, password },
      {
        onSuccess: () => void navigate(paths.signIn, { replace: true, state: { resetDone: true } satisfies SignInState }),
        onError: (error) => {
          const described = describeAccountError(t, error);
          if (described.fields.token) {
            setInvalidLink(true);
            return;
          }
          errors.fail({ password: described.fields.password }, described.form);
        },
      },
    );
  };

  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      {invalidLink ? (
        <div className="state state--error" role="alert">
          <p>{t('reset.invalidLink')}</p>
          <p>
            <Link to={paths.forgotPassword}>{t('reset.requestNew')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <ErrorSummary errors={errors.summary(['password'])} formError={errors.form} focusKey={errors.focusKey} />
          <form className="form" noValidate onSubmit={onSubmit}>
            <PasswordField
              id="password"
              label={t('fields.newPassword')}
              hint={t('fields.passwordRule')}
              error={errors.fields.password}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="form__actions">
              <Button type="submit" className="button--wide" busy={confirm.isPending} busyLabel={t('reset.submitting')}>
                {t('reset.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
