import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { HouseholdCoverage } from '../../api/client';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { ScopeLine } from './AdminLayout';
import { useHouseholdCoverage, useScopeRoots } from './api';
import { UnitBreadcrumb } from './UnitBreadcrumb';
import { CellLabel } from './CellLabel';

const UNIT = 'don-vi';

/** "Digital Family" households per unit: the count and those with a member learning, drill-down by unit. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.households.title'));
  const [params] = useSearchParams();
  const roots = useScopeRoots();
  const unitId = params.get(UNIT) ?? roots.data?.[0]?.id;
  const coverage = useHouseholdCoverage(unitId);
  const link = (id: string | null) => (id ? `${paths.adminHouseholds}?${UNIT}=${encodeURIComponent(id)}` : paths.adminHouseholds);
  return (
    <>
      <h1>{t('admin.households.title')}</h1>
      <p className="lead">{t('admin.households.intro')}</p>
      <ScopeLine />
      {params.get(UNIT) && unitId ? <UnitBreadcrumb unitId={unitId} linkTo={(u) => link(u?.id ?? null)} /> : null}
      {coverage.data ? (
        <CoverageTable coverage={coverage.data} link={link} />
      ) : coverage.isError || roots.isError ? (
        coverage.error instanceof ApiError && coverage.error.status === 404 ? (
          <p className="state state--error">{t('admin.notInScope')}</p>
        ) : (
          <ErrorState
            title={t('admin.loadError')}
            error={coverage.error ?? roots.error}
            retrying={coverage.isFetching || roots.isFetching}
            onRetry={() => void (roots.isError ? roots.refetch() : coverage.refetch())}
          />
        )
      ) : (
        <LoadingState label={t('admin.households.loading')} />
      )}
    </>
  );
}

function CoverageTable({ coverage, link }: { coverage: HouseholdCoverage; link: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const share = (covered: number, total: number) => (total > 0 ? percent.format(covered / total) : '—');
  const columns = { households: t('admin.households.households'), covered: t('admin.households.covered'), share: t('admin.households.share') };
  if (coverage.households === 0 && coverage.children.length === 0) return <p>{t('admin.households.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack" role="table">
        <caption>{t('admin.households.caption', { name: coverage.unit.name })}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('admin.households.unit')}
            </th>
            <th scope="col" role="columnheader" className="num">
              {columns.households}
            </th>
            <th scope="col" role="columnheader" className="num">
              {columns.covered}
            </th>
            <th scope="col" role="columnheader" className="num">
              {columns.share}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {coverage.children.map((row) => (
            <tr key={row.unit.id} role="row">
              <th scope="row" role="rowheader">
                {row.unit.level === 'village' ? row.unit.name : <Link to={link(row.unit.id)}>{row.unit.name}</Link>}
              </th>
              <td role="cell" className="num">
                <CellLabel>{columns.households}</CellLabel>
                {number.format(row.households)}
              </td>
              <td role="cell" className="num">
                <CellLabel>{columns.covered}</CellLabel>
                {number.format(row.covered)}
              </td>
              <td role="cell" className="num">
                <CellLabel>{columns.share}</CellLabel>
                {share(row.covered, row.households)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot role="rowgroup">
          <tr role="row">
            <th scope="row" role="rowheader">
              {t('admin.households.total', { name: coverage.unit.name })}
            </th>
            <td role="cell" className="num">
              <CellLabel>{columns.households}</CellLabel>
              {number.format(coverage.households)}
            </td>
            <td role="cell" className="num">
              <CellLabel>{columns.covered}</CellLabel>
              {number.format(coverage.covered)}
            </td>
            <td role="cell" className="num">
              <CellLabel>{columns.share}</CellLabel>
              {share(coverage.covered, coverage.households)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
