import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { SkipLink } from '../ui/SkipLink';
import { NavigationStatus } from './NavigationStatus';
import { useRouteFocus } from './useRouteFocus';

export function Layout() {
  const { t } = useTranslation();
  useRouteFocus('main');
  return (
    <>
      <SkipLink targetId="main" />
      <NavigationStatus />
      <header className="site-header">
        <div className="container site-header__top">
          <div className="brand">
            <Link to="/" className="brand__name">
              {t('app.name')}
            </Link>
            <p className="brand__tagline">{t('app.tagline')}</p>
          </div>
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container" role="list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('nav.catalog')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/frameworks" className="site-nav__link">
                {t('nav.frameworks')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
