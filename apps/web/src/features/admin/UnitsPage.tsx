import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Unit } from '../../api/client';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { hasAnyRole, useMe } from '../auth/session';
import { ScopeLine } from './AdminLayout';
import { useCreateUnit, useScopeRoots, useUnit, useUnitChildren } from './api';
import { ImportUnitsForm } from './ImportUnitsForm';
import { levelBelow, levelName } from './labels';
import { UnitBreadcrumb } from './UnitBreadcrumb';
import { CellLabel } from './CellLabel';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** The tree of units: the tops of the caller's area, or one unit with its breadcrumb and children. */
export function UnitsPage() {
  const { unitId } = useParams();
  return unitId ? <UnitView key={unitId} unitId={unitId} /> : <RootsView />;
}

function RootsView() {
  const { t } = useTranslation();
  usePageTitle(t('admin.units.title'));
  const roots = useScopeRoots();
  const me = useMe();
  return (
    <>
      <h1>{t('admin.units.title')}</h1>
      <p className="lead">{t('admin.units.intro')}</p>
      {roots.data ? (
        <UnitTable units={roots.data} caption={t('admin.units.roots')} />
      ) : roots.isError ? (
        <ErrorState title={t('admin.loadError')} error={roots.error} retrying={roots.isFetching} onRetry={() => void roots.refetch()} />
      ) : (
        <LoadingState label={t('status.loading')} />
      )}
      {me.data && hasAnyRole(me.data, ['administrator']) ? <ImportUnitsForm /> : null}
    </>
  );
}

function UnitView({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  const children = useUnitChildren(unitId);
  usePageTitle(unit.data?.name ?? t('admin.units.title'));
  if (unit.isError) {
    return (
      <>
        <h1>{t('admin.units.title')}</h1>
        {unit.error instanceof ApiError && unit.error.status === 404 ? (
          <p className="state state--error">{t('admin.notInScope')}</p>
        ) : (
          <ErrorState title={t('admin.loadError')} error={unit.error} retrying={unit.isFetching} onRetry={() => void unit.refetch()} />
        )}
      </>
    );
  }
  if (!unit.data) return <LoadingState label={t('status.loading')} />;
  const below = levelBelow(unit.data.level);
  return (
    <>
      <UnitBreadcrumb unitId={unitId} linkTo={(u) => (u ? paths.adminUnit(u.id) : paths.adminUnits)} />
      <h1>{unit.data.name}</h1>
      <p className="lead">
        {levelName(t, unit.data.level)} · {t('admin.units.code')}: {unit.data.code}
      </p>
      <ScopeLine />
      <h2>{t('admin.units.children')}</h2>
      {children.data ? (
        children.data.length === 0 ? (
          <p>{t('admin.units.noChildren')}</p>
        ) : (
          <UnitTable units={children.data} caption={t('admin.units.childrenCaption', { name: unit.data.name })} />
        )
      ) : children.isError ? (
        <ErrorState title={t('admin.loadError')} error={children.error} retrying={children.isFetching} onRetry={() => void children.refetch()} />
      ) : (
        <LoadingState label={t('status.loading')} />
      )}
      {below ? <CreateUnitForm parent={unit.data} level={below} /> : <p>{t('admin.units.lowestLevel')}</p>}
    </>
  );
}

function UnitTable({ units, caption }: { units: Unit[]; caption: string }) {
  const { t } = useTranslation();
  const columns = { code: t('admin.units.code'), level: t('admin.units.level') };
  return (
    <div className="table-wrap">
      <table className="table table--stack" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('admin.units.name')}
            </th>
            <th scope="col" role="columnheader">
              {columns.code}
            </th>
            <th scope="col" role="columnheader">
              {columns.level}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {units.map((unit) => (
            <tr key={unit.id} role="row">
              <th scope="row" role="rowheader">
                <Link to={paths.adminUnit(unit.id)}>{unit.name}</Link>
              </th>
              <td role="cell">
                <CellLabel>{columns.code}</CellLabel>
                {unit.code}
              </td>
              <td role="cell">
                <CellLabel>{columns.level}</CellLabel>
                {levelName(t, unit.level)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type UnitField = 'code' | 'name';

function CreateUnitForm({ parent, level }: { parent: Unit; level: Unit['level'] }) {
  const { t } = useTranslation();
  const create = useCreateUnit(parent.id);
  const errors = useFormErrors<UnitField>();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setCreated(undefined);
    const found: FieldErrors<UnitField> = {};
    if (!code.trim()) found.code = t('admin.units.codeRequired');
    else if (!UNIT_CODE.test(code.trim())) found.code = t('admin.units.codeInvalid');
    if (!name.trim()) found.name = t('admin.units.nameRequired');
    if (hasErrors(found)) {
      errors.fail(found);
      return;
    }
    errors.clear();
    create.mutate(
      { code: code.trim(), name: name.trim(), level },
      {
        onSuccess: (unit) => {
          setCreated(t('admin.units.created', { name: unit.name }));
          setCode('');
          setName('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) return errors.fail({ code: t('admin.units.codeTaken') });
          if (error instanceof ApiError && error.status === 400) {
            const fields = new Set(error.details.map((d) => d.field));
            if (fields.has('code') || fields.has('name')) {
              return errors.fail({
                code: fields.has('code') ? t('admin.units.codeInvalid') : undefined,
                name: fields.has('name') ? t('admin.units.nameRequired') : undefined,
              });
            }
          }
          errors.fail({}, error instanceof ApiError && error.status === 404 ? t('admin.notInScope') : t('error.server'));
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="create-unit-title">
      <h2 id="create-unit-title">{t('admin.units.create')}</h2>
      <p>{t('admin.units.createLevel', { level: levelName(t, level) })}</p>
      <ErrorSummary errors={errors.summary(['code', 'name'], (f) => `unit-${f}`)} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="unit-code"
          label={t('admin.units.codeLabel')}
          hint={t('admin.units.codeHint')}
          error={errors.fields.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="unit-name"
          label={t('admin.units.nameLabel')}
          hint={t('admin.units.nameHint')}
          error={errors.fields.name}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="form__actions">
          <Button type="submit" busy={create.isPending} busyLabel={t('admin.units.submitting')}>
            {t('admin.units.submit')}
          </Button>
        </div>
        <div role="status">{created ? <p className="notice">{created}</p> : null}</div>
      </form>
    </section>
  );
}
