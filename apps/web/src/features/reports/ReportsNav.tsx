import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../app/paths';

/** The three pages of the reports area: overview (dashboard), targets, periodic reports. */
export function ReportsNav() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav reports-nav" aria-label={t('reports.sections')}>
      <ul role="list">
        <li>
          <NavLink to={paths.reports}>{t('reports.dashboard.navTitle')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.reportTargets}>{t('reports.targets.title')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.periodicReports}>{t('reports.periodic.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
