import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

/**
 * Shown when a page fails to load or render, most often because its code chunk could not be
 * fetched over a bad connection. Not lazy: it must work when the network does not.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
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
