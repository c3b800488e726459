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
        fileLabel: t('admin.units.fileLabel'),
        submit: t('admin.units.importSubmit'),
        busy: t('admin.units.importing'),
        fileRequired: t('admin.units.fileRequired'),
        fileTooLarge: t('admin.units.fileTooLarge'),
        fileNotCsv: t('admin.units.fileNotCsv'),
        importFailed: t('admin.units.importFailed'),
        lineErrors: t('admin.units.lineErrors'),
        line: (line) => t('admin.units.line', { line }),
        lineColumn: (line, column) => t('admin.units.lineColumn', { line, column }),
        imported: (result) => t('admin.units.imported', { ...result }),
      }}
    />
  );
}
