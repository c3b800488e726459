import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { canAdminister, useMe, useSavePreferences } from '../features/auth/session';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { SkipLink } from '../ui/SkipLink';
import { AccountArea } from './AccountMenu';
import { NavigationStatus } from './NavigationStatus';
import { paths } from './paths';
import { useAdoptServerPreferences } from './useAdoptServerPreferences';
import { useRouteFocus } from './useRouteFocus';

export function Layout() {
  const { t } = useTranslation();
  useRouteFocus('main');
  useAdoptServerPreferences();
  const savePreferences = useSavePreferences();
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
          <div className="site-header__tools">
            {/* Applied at once; saved to the account too when someone is signed in. */}
            <LanguageSwitcher onChoose={(language) => savePreferences.mutate({ language })} />
            <AccountArea />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container" role="list">
            <li>
              <NavLink to={paths.catalog} end className="site-nav__link">
                {t('nav.catalog')}
              </NavLink>
            </li>
            <MyLearningNavItem />
            <li>
              <NavLink to={paths.frameworks} className="site-nav__link">
                {t('nav.frameworks')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.display} className="site-nav__link">
                {t('nav.display')}
              </NavLink>
            </li>
            <AdminNavItem />
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

/** "Việc học của tôi" in the navigation, for people signed in. */
function MyLearningNavItem() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <li>
      <NavLink to={paths.myLearning} className="site-nav__link">
        {t('nav.myLearning')}
      </NavLink>
    </li>
  );
}

/** "Quản trị" in the navigation, for administrators and officials only. */
function AdminNavItem() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data || !canAdminister(me.data)) return null;
  return (
    <li>
      <NavLink to={paths.admin} className="site-nav__link">
        {t('nav.admin')}
      </NavLink>
    </li>
  );
}
