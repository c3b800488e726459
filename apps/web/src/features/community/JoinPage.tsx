import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { paths, signInPath } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { useJoinClass, useJoinPreview } from './api';
import { scheduleText } from './format';
import './community.css';

/** Join codes as people type them: spaces and dashes dropped, upper case. */
export function normaliseCode(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** "Tham gia lớp": type the code shown on the projector, or arrive here from its QR code. */
export function JoinPage() {
  const { t } = useTranslation();
  const { code: rawCode } = useParams();
  const code = rawCode ? normaliseCode(rawCode) : '';
  usePageTitle(t('community.join.title'));
  return (
    <div className="phone-page">
      <h1>{t('community.join.title')}</h1>
      {code ? <JoinPreview code={code} /> : <p className="lead">{t('community.join.lead')}</p>}
      {code ? null : <CodeForm />}
    </div>
  );
}

function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseCode(value);
    if (!/^[A-Z0-9]{4,12}$/.test(code)) {
      setError(t('community.join.codeInvalid'));
      document.getElementById('join-code')?.focus();
      return;
    }
    setError(undefined);
    void navigate(paths.joinClass(code));
  };
  return (
    <form className="join-form" onSubmit={submit} noValidate>
      <TextField
        id="join-code"
        className="join-form__input"
        label={t('community.join.codeLabel')}
        hint={t('community.join.codeHint')}
        value={value}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit" className="button--wide">
        {t('community.join.find')}
      </Button>
    </form>
  );
}

function JoinPreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const preview = useJoinPreview(code);
  const join = useJoinClass(code);

  if (!preview.data) {
    if (preview.isError) {
      if (preview.error instanceof ApiError && preview.error.status === 404) {
        return (
          <>
            <div className="state state--error" role="alert">
              <h2 className="state__title">{t('community.join.notFound', { code })}</h2>
              <p>{t('community.join.notFoundHint')}</p>
            </div>
            <CodeForm initial={code} />
          </>
        );
      }
      return <ErrorState title={t('community.join.loadError')} error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />;
    }
    return <LoadingState label={t('community.join.loading')} />;
  }

  const c = preview.data;
  return (
    <section className="join-card" aria-labelledby="join-class-title">
      <h2 id="join-class-title" className="join-card__title">
        {c.title}
      </h2>
      <dl className="class-facts">
        <div>
          <dt>{t('community.class.course')}</dt>
          <dd>{c.courseTitle}</dd>
        </div>
        <div>
          <dt>{t('community.class.when')}</dt>
          <dd>{scheduleText(c.schedule, t, lang)}</dd>
        </div>
        <div>
          <dt>{t('community.class.place')}</dt>
          <dd>
            {c.place} — {c.unitName}
          </dd>
        </div>
      </dl>
      {me.isPending ? null : !me.data ? (
        <div className="join-card__actions">
          <p>{t('community.join.signInFirst')}</p>
          <Link className="button button--wide" to={signInPath(location.pathname)}>
            {t('community.join.signIn')}
          </Link>
          <Link className="button button--secondary button--wide" to={`${paths.signUp}?next=${encodeURIComponent(location.pathname)}`}>
            {t('community.join.signUp')}
          </Link>
        </div>
      ) : c.joined ? (
        <div className="join-card__actions">
          <p>{t('community.join.already')}</p>
          <Link className="button button--wide" to={paths.myClass(c.classId)}>
            {t('community.join.open')}
          </Link>
        </div>
      ) : (
        <div className="join-card__actions">
          <Button
            className="button--wide"
            busy={join.isPending}
            busyLabel={t('community.join.joining')}
            onClick={() => join.mutate(undefined, { onSuccess: (mine) => void navigate(paths.myClass(mine.classId)) })}
          >
            {t('community.join.join')}
          </Button>
          {join.isError ? <ErrorState title={t('community.join.joinError')} error={join.error} /> : null}
        </div>
      )}
    </section>
  );
}
