import { useTranslation } from 'react-i18next';
import { CsvImportForm } from '../../ui/CsvImportForm';
import { useImportUnits } from './api';

/** CSV import of units (administrators). All or nothing: refused lines are listed with their numbers. */
export function ImportUnitsForm() {
  const { t } = useTranslation();
  const importUnits = useImportUnits();
  return (
    <CsvImportForm
      id="units"
      pending={importUnits.isPending}
      send={importUnits.mutateAsync}
      texts={{
        title: t('admin.units.import'),
        intro: t('admin.units.importIntro'),
        submit: t('admin.units.importSubmit'),
        imported: (result) => t('admin.units.imported', { ...result }),
      }}
    />
  );
}
