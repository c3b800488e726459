import { TARGET_GROUPS } from '@hocso/curriculum';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, errorKind } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { ErrorSummary, focusField } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { CsvImportForm } from '../../ui/CsvImportForm';
import { CellLabel } from '../admin/CellLabel';
import { useDeleteTarget, useImportTargets, useTargets, useUnitChoices, useUpsertTarget, type Target, type TargetImportResult, type UnitChoice, type UpsertTarget } from './api';
import { formatters, groupName, metricName, recentYears, TARGET_METRICS, yearParam } from './format';
import { ReportsNav } from './ReportsNav';
import { UnitSelect } from './UnitSelect';
import './reports.css';

const UNIT = 'don-vi';
const YEAR = 'nam';
const CSV_COLUMNS = 'unit_code,target_group,year,metric,value';

/** Targets per unit × target group × year × figure: a list to edit, a form, and a CSV import. */
export function TargetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.targets.title'));
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get(YEAR));
  const choices = useUnitChoices(params.get(UNIT) ?? undefined);
  const unitId = params.get(UNIT) ?? choices.data?.[0]?.id;
  const unit = choices.data?.find((c) => c.id === unitId);
  const [editing, setEditing] = useState<Target | undefined>();

  return (
    <>
      <ReportsNav />
      <h1>{t('reports.targets.title')}</h1>
      <p className="lead">{t('reports.targets.intro')}</p>
      {choices.isError ? (
        <ErrorState title={t('admin.loadError')} error={choices.error} retrying={choices.isFetching} onRetry={() => void choices.refetch()} />
      ) : !choices.data ? (
        <LoadingState label={t('status.loading')} />
      ) : (
        <>
          <ChooseUnitYear
            key={`${unitId ?? ''}-${year}`}
            choices={choices.data}
            unitId={unitId ?? ''}
            year={year}
            onChoose={(u, y) => {
              setEditing(undefined);
              setParams({ [UNIT]: u, [YEAR]: String(y) });
            }}
          />
          {unit ? (
            <>
              <TargetList unit={unit} year={year} onEdit={setEditing} />
              <TargetForm key={`${unit.id}-${year}-${editing?.id ?? 'new'}`} unit={unit} year={year} editing={editing} />
            </>
          ) : null}
          <ImportTargetsForm />
        </>
      )}
    </>
  );
}

function ChooseUnitYear({ choices, unitId, year, onChoose }: { choices: UnitChoice[]; unitId: string; year: number; onChoose: (unitId: string, year: number) => void }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(unitId);
  const [chosenYear, setChosenYear] = useState(String(year));
  const years = recentYears().map((y) => y + 1).concat(recentYears()[4]! - 1);
  if (!years.includes(year)) years.push(year);
  return (
    <form
      className="report-filters"
      onSubmit={(event) => {
        event.preventDefault();
        if (unit) onChoose(unit, Number(chosenYear));
      }}
    >
      <UnitSelect id="targets-unit" label={t('reports.targets.unit')} placeholder={t('reports.targets.chooseUnit')} choices={choices} value={unit} onChange={setUnit} />
      <SelectField id="targets-year" label={t('reports.targets.year')} value={chosenYear} onChange={(e) => setChosenYear(e.target.value)}>
        {years
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t('reports.dashboard.show')}
      </Button>
    </form>
  );
}

function formatValue(target: Pick<Target, 'metric' | 'value'>, fmt: ReturnType<typeof formatters>): string {
  return target.metric === 'coverage_percent' ? fmt.percent(target.value / 100) : fmt.number(target.value);
}

function TargetList({ unit, year, onEdit }: { unit: UnitChoice; year: number; onEdit: (target: Target) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = formatters(lang);
  const targets = useTargets(unit.id, year);
  const remove = useDeleteTarget();
  const [status, setStatus] = useState('');
  const columns = { group: t('reports.targets.targetGroup'), metric: t('reports.targets.metric'), value: t('reports.targets.value') };
  if (targets.isError) return <ErrorState title={t('admin.loadError')} error={targets.error} retrying={targets.isFetching} onRetry={() => void targets.refetch()} />;
  if (!targets.data) return <LoadingState label={t('reports.targets.loading')} />;
  const items = targets.data.items.filter((target) => target.year === year);
  return (
    <>
      {items.length === 0 ? (
        <p>{t('reports.targets.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack" role="table">
            <caption>{t('reports.targets.listCaption', { year, name: unit.name })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {columns.metric}
                </th>
                <th scope="col" role="columnheader">
                  {columns.group}
                </th>
                <th scope="col" role="columnheader" className="num">
                  {columns.value}
                </th>
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">{t('reports.targets.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((target) => {
                const names = { metric: metricName(t, target.metric), group: groupName(t, target.targetGroup, lang) };
                return (
                  <tr key={target.id} role="row">
                    <th scope="row" role="rowheader">
                      {names.metric}
                    </th>
                    <td role="cell">
                      <CellLabel>{columns.group}</CellLabel>
                      {names.group}
                    </td>
                    <td role="cell" className="num">
                      <CellLabel>{columns.value}</CellLabel>
                      {formatValue(target, fmt)}
                    </td>
                    <td role="cell">
                      <div className="button-row">
                        <Button variant="secondary" aria-label={t('reports.targets.editTarget', names)} onClick={() => onEdit(target)}>
                          {t('reports.targets.edit')}
                        </Button>
                        <Button
                          variant="danger"
                          aria-label={t('reports.targets.deleteTarget', names)}
                          busy={remove.isPending && remove.variables === target.id}
                          onClick={() =>
                            remove.mutate(target.id, {
                              onSuccess: () => setStatus(t('reports.targets.deleted')),
                              onError: (error) => setStatus(t(`error.${errorKind(error)}`)),
                            })
                          }
                        >
                          {t('reports.targets.delete')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div role="status">{status ? <p className="notice">{status}</p> : null}</div>
    </>
  );
}

type TargetField = 'group' | 'metric' | 'value';

function TargetForm({ unit, year, editing }: { unit: UnitChoice; year: number; editing: Target | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = formatters(lang);
  const save = useUpsertTarget();
  const errors = useFormErrors<TargetField>();
  const [group, setGroup] = useState<string>(editing?.targetGroup ?? '');
  const [metric, setMetric] = useState<string>(editing?.metric ?? '');
  const [value, setValue] = useState(editing ? String(editing.value) : '');
  const [saved, setSaved] = useState<string | undefined>();
  useEffect(() => {
    // "Edit" in the list: the form now holds that target; go to its value.
    if (editing) focusField('target-value');
  }, [editing]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const found: FieldErrors<TargetField> = {};
    const number = Number(value.trim().replace(',', '.'));
    if (!group) found.group = t('reports.targets.groupRequired');
    if (!metric) found.metric = t('reports.targets.metricRequired');
    if (value.trim() === '' || !Number.isFinite(number) || number < 0) found.value = t('reports.targets.valueInvalid');
    else if (metric === 'coverage_percent' && number > 100) found.value = t('reports.targets.percentInvalid');
    else if (metric && metric !== 'coverage_percent' && !Number.isInteger(number)) found.value = t('reports.targets.valueInvalid');
    if (hasErrors(found)) {
      errors.fail(found);
      return;
    }
    errors.clear();
    const body = { unitId: unit.id, year, targetGroup: group, metric, value: number } as UpsertTarget;
    save.mutate(body, {
      onSuccess: (target) => {
        setSaved(t('reports.targets.saved', { metric: metricName(t, target.metric), group: groupName(t, target.targetGroup, lang), year: target.year, value: formatValue(target, fmt) }));
        setValue('');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400) {
          const fields = new Set(error.details.map((d) => d.field));
          if (fields.has('value')) return errors.fail({ value: t('reports.targets.valueInvalid') });
        }
        errors.fail({}, error instanceof ApiError && error.status === 404 ? t('reports.dashboard.notInScope') : t(`error.${errorKind(error)}`));
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="target-form-title">
      <h2 id="target-form-title">{t('reports.targets.formTitle')}</h2>
      <p>
        {t('reports.targets.formFor', { name: unit.name, year })} {t('reports.targets.formIntro')}
      </p>
      <ErrorSummary errors={errors.summary(['group', 'metric', 'value'], (f) => `target-${f}`)} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField id="target-group" label={t('reports.targets.targetGroup')} error={errors.fields.group} value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">{t('reports.targets.chooseGroup')}</option>
          <option value="all">{t('reports.targetGroup.all')}</option>
          {TARGET_GROUPS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name[lang]}
            </option>
          ))}
        </SelectField>
        <SelectField id="target-metric" label={t('reports.targets.metric')} error={errors.fields.metric} value={metric} onChange={(e) => setMetric(e.target.value)}>
          <option value="">{t('reports.targets.chooseMetric')}</option>
          {TARGET_METRICS.map((m) => (
            <option key={m} value={m}>
              {metricName(t, m)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="target-value"
          label={t('reports.targets.value')}
          hint={t('reports.targets.valueHint')}
          error={errors.fields.value}
          inputMode="decimal"
          autoComplete="off"
          className="input--year"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="form__actions">
          <Button type="submit" busy={save.isPending} busyLabel={t('reports.targets.saving')}>
            {t('reports.targets.save')}
          </Button>
        </div>
        <div role="status">{saved ? <p className="notice">{saved}</p> : null}</div>
      </form>
    </section>
  );
}

/** CSV import: all or nothing; the lines refused are listed with their numbers. */
function ImportTargetsForm() {
  const { t } = useTranslation();
  const importTargets = useImportTargets();
  return (
    <CsvImportForm<TargetImportResult>
      id="targets"
      pending={importTargets.isPending}
      send={importTargets.mutateAsync}
      texts={{
        title: t('reports.targets.import'),
        intro: t('reports.targets.importIntro', { columns: CSV_COLUMNS }),
        submit: t('reports.targets.importSubmit'),
        imported: (result) => t('reports.targets.imported', { ...result }),
      }}
    />
  );
}
