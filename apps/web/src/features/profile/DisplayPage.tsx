import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/usePageTitle';
import { DisplayPreferencesForm } from './DisplayPreferencesForm';

/** Display preferences for everyone, signed in or not (for those signed in, saved to the account). */
export function DisplayPage() {
  const { t } = useTranslation();
  usePageTitle(t('display.title'));
  return (
    <div className="narrow">
      <h1 id="display-title">{t('display.title')}</h1>
      <DisplayPreferencesForm withHeading={false} />
    </div>
  );
}
