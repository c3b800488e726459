import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field';
import { levelName } from '../admin/labels';
import type { UnitChoice } from './api';

/** A native select of the units of the caller's area (tops first, the units below indented). */
export function UnitSelect({
  id,
  label,
  placeholder,
  choices,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  placeholder: string;
  choices: readonly UnitChoice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField id={id} label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {choices.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(unit.depth)}${unit.name} (${levelName(t, unit.level)})`}
        </option>
      ))}
    </SelectField>
  );
}
