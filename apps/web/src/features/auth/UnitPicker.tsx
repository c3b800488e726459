import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { useUnitOptions } from './units';

export interface UnitChoice {
  communeId: string;
  /** '' when none is chosen (or the commune has no villages listed). */
  villageId: string;
}

interface UnitPickerProps {
  value: UnitChoice;
  onChange: (value: UnitChoice) => void;
  communeError?: string;
  optional?: boolean;
}

/**
 * Where a person lives: the commune or ward first, then its village or residential group. Native
 * selects (the phone's own picker) fed by the units API; the village list loads once a commune is
 * chosen. When the lists cannot be loaded the form still works (the place is optional).
 */
export function UnitPicker({ value, onChange, communeError, optional }: UnitPickerProps) {
  const { t } = useTranslation();
  const communes = useUnitOptions(null);
  const villages = useUnitOptions(value.communeId || undefined);
  const optionalMark = optional ? (
    <>
      {' '}
      <span className="field__optional">{t('form.optional')}</span>
    </>
  ) : null;

  if (communes.isError) {
    return (
      <div className="field">
        <p className="field__label">
          {t('fields.commune')}
          {optionalMark}
        </p>
        <p role="alert">{t('fields.unitsError')}</p>
        <Button variant="secondary" onClick={() => void communes.refetch()}>
          {t('error.retry')}
        </Button>
      </div>
    );
  }

  return (
    <>
      <SelectField
        id="commune"
        label={
          <>
            {t('fields.commune')}
            {optionalMark}
          </>
        }
        error={communeError}
        value={value.communeId}
        aria-busy={communes.isPending || undefined}
        onChange={(e) => onChange({ communeId: e.target.value, villageId: '' })}
      >
        <option value="">{communes.isPending ? t('fields.unitsLoading') : t('fields.communeChoose')}</option>
        {communes.data?.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </SelectField>
      {value.communeId ? (
        villages.isError ? (
          <p className="field" role="alert">
            {t('fields.unitsError')}
          </p>
        ) : villages.data && villages.data.length === 0 ? (
          <p className="field field__hint">{t('fields.villageNone')}</p>
        ) : (
          <SelectField
            id="village"
            label={
              <>
                {t('fields.village')}
                {optionalMark}
              </>
            }
            value={value.villageId}
            aria-busy={villages.isPending || undefined}
            onChange={(e) => onChange({ ...value, villageId: e.target.value })}
          >
            <option value="">{villages.isPending ? t('fields.unitsLoading') : t('fields.villageChoose')}</option>
            {villages.data?.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </SelectField>
        )
      ) : null}
    </>
  );
}
