import { TARGET_GROUPS } from '@hocso/curriculum';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { SelectField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CellLabel } from '../admin/CellLabel';
import { levelName } from '../admin/labels';
import { useDashboard, useReportRoots, type ChildFigures, type Dashboard, type ReportUnit } from './api';
import { ProgressBar } from './charts/ProgressBar';
import { TargetBars, type TargetRow } from './charts/TargetBars';
import { TrendChart } from './charts/TrendChart';
import { formatters, groupName, metricName, recentYears, yearParam, type Formatters } from './format';
import { ReportsNav } from './ReportsNav';
import './reports.css';

const YEAR = 'nam';
const GROUP = 'nhom';
const GROUPS: readonly string[] = TARGET_GROUPS.map((g) => g.id);

/**
 * The dashboard of officials: figures of one unit of their area (its whole subtree) against the
 * targets, month by month, and its units ranked by coverage. A unit's name opens its own dashboard
 * (province → commune → village); the unit, year and group are in the address, so a view can be
 * bookmarked and shared.
 */
export function DashboardPage() {
  const { unitId } = useParams();
  return unitId ? <UnitDashboard key={unitId} unitId={unitId} /> : <RootsView />;
}

/** Keeps the year and group of the address when moving to another unit. */
function useFilterSearch(): string {
  const [params] = useSearchParams();
  const kept = new URLSearchParams();
  for (const name of [YEAR, GROUP]) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

function RootsView() {
  const { t } = useTranslation();
  usePageTitle(t('reports.dashboard.title'));
  const roots = useReportRoots();
  const { search } = useLocation();
  if (roots.data?.length === 1) return <Navigate to={`${paths.reportsUnit(roots.data[0]!.id)}${search}`} replace />;
  return (
    <>
      <ReportsNav />
      <h1>{t('reports.dashboard.title')}</h1>
      <p className="lead">{t('reports.dashboard.chooseUnit')}</p>
      {roots.data ? (
        <ul className="role-list">
          {roots.data.map((unit) => (
            <li key={unit.id}>
              <Link to={`${paths.reportsUnit(unit.id)}${search}`}>{unit.name}</Link> <span>{levelName(t, unit.level)}</span>
            </li>
          ))}
        </ul>
      ) : roots.isError ? (
        <ErrorState title={t('admin.loadError')} error={roots.error} retrying={roots.isFetching} onRetry={() => void roots.refetch()} />
      ) : (
        <LoadingState label={t('status.loading')} />
      )}
    </>
  );
}

function UnitDashboard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params] = useSearchParams();
  const year = yearParam(params.get(YEAR));
  const groupParam = params.get(GROUP);
  const group = groupParam && GROUPS.includes(groupParam) ? groupParam : undefined;
  const dashboard = useDashboard(unitId, year, group);
  const fmt = formatters(lang);
  usePageTitle(dashboard.data?.unit.name ?? t('reports.dashboard.title'));

  if (dashboard.isError && !dashboard.data) {
    const hidden = dashboard.error instanceof ApiError && (dashboard.error.status === 404 || dashboard.error.status === 403);
    return (
      <>
        <ReportsNav />
        <h1>{t('reports.dashboard.title')}</h1>
        {hidden ? (
          <p className="state state--error">{t('reports.dashboard.notInScope')}</p>
        ) : (
          <ErrorState title={t('admin.loadError')} error={dashboard.error} retrying={dashboard.isFetching} onRetry={() => void dashboard.refetch()} />
        )}
      </>
    );
  }
  if (!dashboard.data) {
    return (
      <>
        <ReportsNav />
        <LoadingState label={t('reports.dashboard.loading')} />
      </>
    );
  }
  const data = dashboard.data;
  return (
    <>
      <ReportsNav />
      <Breadcrumb unit={data.unit} above={data.breadcrumb} />
      <h1>{data.unit.name}</h1>
      <p className="lead">
        {t('reports.dashboard.title')} · {levelName(t, data.unit.level)}
      </p>
      <Filters key={`${year}-${group ?? ''}`} year={year} group={group} />
      <p className="scope" aria-live="polite">
        {dashboard.isFetching ? t('reports.dashboard.loading') : data.refreshedAt ? t('reports.dashboard.updatedAt', { time: fmt.dateTime(data.refreshedAt) }) : null}
      </p>
      <KeyFigures data={data} fmt={fmt} />
      <div className="report-grid">
        <Targets data={data} fmt={fmt} />
        <Trend data={data} fmt={fmt} />
      </div>
      <Ranking data={data} fmt={fmt} />
    </>
  );
}

function Breadcrumb({ unit, above }: { unit: ReportUnit; above: readonly ReportUnit[] }) {
  const { t } = useTranslation();
  const search = useFilterSearch();
  return (
    <nav className="breadcrumb" aria-label={t('admin.units.breadcrumb')}>
      <ol>
        <li>
          <Link to={`${paths.reports}${search}`}>{t('admin.units.all')}</Link>
        </li>
        {above.map((u) => (
          <li key={u.id}>
            <Link to={`${paths.reportsUnit(u.id)}${search}`}>{u.name}</Link>
          </li>
        ))}
        <li aria-current="page">{unit.name}</li>
      </ol>
    </nav>
  );
}

/** Year and target group; applied with a button (changing a select does not reload the page by itself). */
function Filters({ year, group }: { year: number; group: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [chosenYear, setChosenYear] = useState(String(year));
  const [chosenGroup, setChosenGroup] = useState(group ?? '');
  const years = recentYears();
  if (!years.includes(year)) years.push(year);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    next.set(YEAR, chosenYear);
    if (chosenGroup) next.set(GROUP, chosenGroup);
    void navigate(`${pathname}?${next.toString()}`);
  };
  return (
    <form className="report-filters" onSubmit={onSubmit}>
      <SelectField id="report-year" label={t('reports.dashboard.year')} value={chosenYear} onChange={(e) => setChosenYear(e.target.value)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField id="report-group" label={t('reports.targets.targetGroup')} value={chosenGroup} onChange={(e) => setChosenGroup(e.target.value)}>
        <option value="">{t('reports.targetGroup.all')}</option>
        {TARGET_GROUPS.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name[lang]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t('reports.dashboard.show')}
      </Button>
    </form>
  );
}

function KeyFigures({ data, fmt }: { data: Dashboard; fmt: Formatters }) {
  const { t } = useTranslation();
  const f = data.figures;
  const items: [string, string][] = [
    [t('reports.metric.registered'), fmt.number(f.registered)],
    [t('reports.metric.active30d'), fmt.number(f.active30d)],
    [t('reports.metric.enrolled'), fmt.number(f.enrolled)],
    [t('reports.metric.completed'), fmt.number(f.completed)],
    [t('reports.metric.certified'), fmt.number(f.certified)],
    [t('reports.metric.confirmed'), fmt.number(f.confirmed)],
    [t('reports.metric.population'), f.population === null ? '—' : fmt.number(f.population)],
    [t('reports.metric.coverage'), f.coverage === null ? '—' : fmt.percent(f.coverage)],
    [t('reports.metric.householdsCovered'), fmt.number(f.householdsCovered)],
    [t('reports.dashboard.classesInYear'), fmt.number(f.newInPeriod.classesHeld)],
    [t('reports.dashboard.attendanceInYear'), fmt.number(f.newInPeriod.attendance)],
    [t('reports.metric.mentors'), fmt.number(f.mentors)],
    [t('reports.metric.mentees'), fmt.number(f.mentees)],
  ];
  return (
    <section aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">{t('reports.dashboard.figuresTitle', { year: data.year })}</h2>
      <dl className="figures" data-testid="key-figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Targets({ data, fmt }: { data: Dashboard; fmt: Formatters }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = t('reports.dashboard.targetsTitle');
  const editLink = `${paths.reportTargets}?don-vi=${encodeURIComponent(data.unit.id)}&nam=${data.year}`;
  if (data.targets.length === 0) {
    return (
      <section className="chart" aria-labelledby="targets-title">
        <h2 id="targets-title" className="chart__title">
          {title}
        </h2>
        <p>{t('reports.dashboard.targetsNone', { year: data.year })}</p>
        <p>
          <Link to={editLink}>{t('reports.dashboard.targetsEdit')}</Link>
        </p>
      </section>
    );
  }
  const rows: TargetRow[] = data.targets.map((target) => {
    const isPercent = target.metric === 'coverage_percent';
    return {
      key: target.id,
      label: `${metricName(t, target.metric)} — ${groupName(t, target.targetGroup, lang)}`,
      actual: target.actual,
      target: target.target,
      format: isPercent ? (v: number) => fmt.percent(v / 100) : fmt.number,
    };
  });
  return (
    <div>
      <TargetBars title={title} rows={rows} percent={fmt.percent} suppressed="—" />
      <p>
        <Link to={editLink}>{t('reports.dashboard.targetsEdit')}</Link>
      </p>
    </div>
  );
}

function Trend({ data, fmt }: { data: Dashboard; fmt: Formatters }) {
  const { t } = useTranslation();
  const title = t('reports.dashboard.trendTitle', { year: data.year });
  if (data.trend.length === 0) {
    return (
      <section className="chart" aria-labelledby="trend-title">
        <h2 id="trend-title" className="chart__title">
          {title}
        </h2>
        <p>{t('reports.dashboard.trendNone')}</p>
      </section>
    );
  }
  const labels = data.trend.map((p) => fmt.month(p.month));
  return (
    <TrendChart
      title={title}
      labels={labels}
      format={fmt.number}
      series={[
        { name: t('reports.metric.registered'), values: data.trend.map((p) => p.cumulative.registered) },
        { name: t('reports.metric.completed'), values: data.trend.map((p) => p.cumulative.completed) },
        { name: t('reports.metric.confirmed'), values: data.trend.map((p) => p.cumulative.confirmed) },
      ]}
    />
  );
}

function Ranking({ data, fmt }: { data: Dashboard; fmt: Formatters }) {
  const { t } = useTranslation();
  const search = useFilterSearch();
  const childLevel = data.children[0]?.unit.level;
  if (!childLevel) {
    return <EmptyState title={t('reports.dashboard.ranking.country')} message={t('reports.dashboard.rankingNone')} />;
  }
  const title = t(`reports.dashboard.ranking.${childLevel}`);
  const highest = Math.max(0, ...data.children.map((c) => c.figures.coverage ?? 0));
  const columns = {
    rank: t('reports.dashboard.rank'),
    coverage: t('reports.metric.coverage'),
    confirmed: t('reports.metric.confirmed'),
    completed: t('reports.metric.completed'),
    registered: t('reports.metric.registered'),
  };
  return (
    <section className="chart ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="chart__title">
        {title}
      </h2>
      <p className="chart__note">{t('reports.dashboard.rankingNote')}</p>
      <div className="table-wrap">
        <table className="table table--stack" role="table">
          <caption>{t('reports.dashboard.rankingCaption', { name: data.unit.name })}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('reports.dashboard.unit')}
              </th>
              <th scope="col" role="columnheader" className="num">
                {columns.rank}
              </th>
              <th scope="col" role="columnheader" className="bar-cell">
                {columns.coverage}
              </th>
              <th scope="col" role="columnheader" className="num">
                {columns.confirmed}
              </th>
              <th scope="col" role="columnheader" className="num">
                {columns.completed}
              </th>
              <th scope="col" role="columnheader" className="num">
                {columns.registered}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {data.children.map((child: ChildFigures) => (
              <tr key={child.unit.id} role="row">
                <th scope="row" role="rowheader">
                  <Link to={`${paths.reportsUnit(child.unit.id)}${search}`}>{child.unit.name}</Link>
                </th>
                <td role="cell" className="num">
                  <CellLabel>{columns.rank}</CellLabel>
                  {child.rank}
                </td>
                <td role="cell" className="bar-cell">
                  <CellLabel>{columns.coverage}</CellLabel>
                  {child.figures.coverage === null ? t('reports.dashboard.noPopulation') : fmt.percent(child.figures.coverage)}
                  <ProgressBar value={highest > 0 ? (child.figures.coverage ?? 0) / highest : 0} />
                </td>
                <td role="cell" className="num">
                  <CellLabel>{columns.confirmed}</CellLabel>
                  {fmt.number(child.figures.confirmed)}
                </td>
                <td role="cell" className="num">
                  <CellLabel>{columns.completed}</CellLabel>
                  {fmt.number(child.figures.completed)}
                </td>
                <td role="cell" className="num">
                  <CellLabel>{columns.registered}</CellLabel>
                  {fmt.number(child.figures.registered)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
