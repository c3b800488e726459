import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';
import { ForbiddenPage } from './ForbiddenPage';

/**
 * Shown when a page fails to load or render, most often because its code chunk could not be
 * fetched over a bad connection. Not lazy: it must work when the network does not.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  // A route guard refused (see app/guards.ts): not an error of the network or of the code.
  if (isRouteErrorResponse(error) && error.status === 403) return <ForbiddenPage />;
  return <LoadErrorPage error={error} />;
}

function LoadErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('routeError.title'));
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="state state--error">
      <h1>{t('routeError.title')}</h1>
      <p className="lead">{t('routeError.message')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
    </div>
  );
}

/** Last resort when the layout itself fails: the page still has a `<main>` landmark. */
export function RootErrorPage() {
  return (
    <main id="main" tabIndex={-1} className="container">
      <RouteErrorPage />
    </main>
  );
}
