import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { paths } from '../../app/paths';
import { hasAnyRole, useMe } from '../auth/session';
import { useScopeRoots } from './api';

/**
 * The administration area (administrators and officials; the route guard checked the roles). Each
 * page has its own <h1>; the sections and the caller's area are shown above it.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const administrator = !!me.data && hasAnyRole(me.data, ['administrator']);
  return (
    <>
      <nav className="sub-nav" aria-label={t('admin.sections')}>
        <ul role="list">
          <li>
            <NavLink to={paths.adminUsers}>{t('admin.users.title')}</NavLink>
          </li>
          <li>
            <NavLink to={paths.adminUnits}>{t('admin.units.title')}</NavLink>
          </li>
          <li>
            <NavLink to={paths.adminHouseholds}>{t('admin.households.title')}</NavLink>
          </li>
          <li>
            <NavLink to={paths.reports}>{t('nav.reports')}</NavLink>
          </li>
          <li>
            <NavLink to={paths.adminMentors}>{t('nav.unitMentors')}</NavLink>
          </li>
          {administrator ? (
            <>
              <li>
                <NavLink to={paths.adminConfirmations}>{t('nav.confirmations')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.adminXapi}>{t('nav.xapi')}</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

/** "Your area: Xã Bình Lư" — what an official's lists are limited to. */
export function ScopeLine() {
  const { t } = useTranslation();
  const roots = useScopeRoots();
  if (!roots.data) return null;
  return (
    <p className="scope">
      <strong>{t('admin.scope')}:</strong> {roots.data.map((unit) => unit.name).join(', ')}
    </p>
  );
}
