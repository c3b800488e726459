import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.message')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.backHome')}
        </Link>
      </p>
    </>
  );
}
