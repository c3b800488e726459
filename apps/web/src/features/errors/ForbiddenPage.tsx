import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../ui/usePageTitle';

/** A signed-in person opened a page their roles do not allow (e.g. administration). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      <p className="lead">{t('forbidden.message')}</p>
      <p>
        <Link to={paths.catalog} className="button">
          {t('forbidden.backHome')}
        </Link>
      </p>
    </>
  );
}
