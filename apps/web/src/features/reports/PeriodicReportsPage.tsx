import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, errorKind } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorState } from '../../ui/ErrorState';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { CellLabel } from '../admin/CellLabel';
import { useReportJobs, useRequestReport, useUnitChoices, type CreateReportJob, type ReportJob, type UnitChoice } from './api';
import { formatters, recentYears } from './format';
import { ReportsNav } from './ReportsNav';
import { UnitSelect } from './UnitSelect';
import './reports.css';

const UNIT = 'don-vi';
type Kind = CreateReportJob['kind'];
const FORMATS = ['xlsx', 'csv', 'pdf'] as const;
const FORMAT_NAMES: Record<(typeof FORMATS)[number], string> = { xlsx: 'XLSX', csv: 'CSV', pdf: 'PDF' };

/**
 * Quarterly, half-year and yearly reports of a unit: requested here, made by a job in the worker,
 * followed (the list polls while one is being made) and downloaded as XLSX, CSV or PDF.
 */
export function PeriodicReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.periodic.title'));
  const [params, setParams] = useSearchParams();
  const choices = useUnitChoices(params.get(UNIT) ?? undefined);
  const unitId = params.get(UNIT) ?? choices.data?.[0]?.id ?? '';
  const [watched, setWatched] = useState<string | undefined>();
  return (
    <>
      <ReportsNav />
      <h1>{t('reports.periodic.title')}</h1>
      <p className="lead">{t('reports.periodic.intro')}</p>
      {choices.isError ? (
        <ErrorState title={t('admin.loadError')} error={choices.error} retrying={choices.isFetching} onRetry={() => void choices.refetch()} />
      ) : !choices.data ? (
        <LoadingState label={t('status.loading')} />
      ) : (
        <>
          <RequestForm
            choices={choices.data}
            unitId={unitId}
            onUnit={(id) => setParams(id ? { [UNIT]: id } : {}, { replace: true })}
            onRequested={(job) => setWatched(job.id)}
          />
          {unitId ? <JobList unitId={unitId} watched={watched} onWatch={setWatched} /> : null}
        </>
      )}
    </>
  );
}

function currentQuarter(now = new Date()): number {
  return Math.floor(now.getMonth() / 3) + 1;
}

function RequestForm({ choices, unitId, onUnit, onRequested }: { choices: UnitChoice[]; unitId: string; onUnit: (id: string) => void; onRequested: (job: ReportJob) => void }) {
  const { t } = useTranslation();
  const request = useRequestReport();
  const errors = useFormErrors<'unit'>();
  const [kind, setKind] = useState<Kind>('quarter');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [quarter, setQuarter] = useState(String(currentQuarter()));
  const [half, setHalf] = useState(currentQuarter() <= 2 ? '1' : '2');
  const [done, setDone] = useState<string | undefined>();
  const name = useReportName();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    setDone(undefined);
    if (!unitId) {
      errors.fail({ unit: t('reports.periodic.unitRequired') });
      return;
    }
    errors.clear();
    const part = kind === 'quarter' ? Number(quarter) : kind === 'half' ? Number(half) : null;
    request.mutate(
      { unitId, kind, year: Number(year), part },
      {
        onSuccess: (job) => {
          setDone(t('reports.periodic.requested', { name: name(job) }));
          onRequested(job);
        },
        onError: (error) =>
          errors.fail({}, error instanceof ApiError && (error.status === 404 || error.status === 403) ? t('reports.dashboard.notInScope') : t(`error.${errorKind(error)}`)),
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="request-title">
      <h2 id="request-title">{t('reports.periodic.formTitle')}</h2>
      <ErrorSummary errors={errors.summary(['unit'], () => 'report-unit')} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <UnitSelect
          id="report-unit"
          label={t('reports.periodic.unit')}
          placeholder={t('reports.periodic.chooseUnit')}
          choices={choices}
          value={unitId}
          onChange={onUnit}
          error={errors.fields.unit}
        />
        <RadioGroup<Kind>
          id="report-kind"
          legend={t('reports.periodic.kind')}
          small
          inline
          value={kind}
          onChange={setKind}
          choices={[
            { value: 'quarter', label: t('reports.periodic.kindQuarter') },
            { value: 'half', label: t('reports.periodic.kindHalf') },
            { value: 'year', label: t('reports.periodic.kindYear') },
          ]}
        />
        <SelectField id="report-year" label={t('reports.periodic.year')} value={year} onChange={(e) => setYear(e.target.value)}>
          {recentYears().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        {kind === 'quarter' ? (
          <SelectField id="report-quarter" label={t('reports.periodic.quarter')} value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('reports.periodic.periodQuarterOnly', { part: q })}
              </option>
            ))}
          </SelectField>
        ) : kind === 'half' ? (
          <SelectField id="report-half" label={t('reports.periodic.half')} value={half} onChange={(e) => setHalf(e.target.value)}>
            <option value="1">{t('reports.periodic.half1')}</option>
            <option value="2">{t('reports.periodic.half2')}</option>
          </SelectField>
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={request.isPending} busyLabel={t('reports.periodic.submitting')}>
            {t('reports.periodic.submit')}
          </Button>
        </div>
        <div role="status">{done ? <p className="notice">{done}</p> : null}</div>
      </form>
    </section>
  );
}

/** "Quý 3/2026 — Xã Bình Lư". */
function useReportName() {
  const { t } = useTranslation();
  return (job: Pick<ReportJob, 'kind' | 'year' | 'part' | 'unit'>) => {
    const period =
      job.kind === 'quarter'
        ? t('reports.periodic.periodQuarter', { part: job.part, year: job.year })
        : job.kind === 'half'
          ? t('reports.periodic.periodHalf', { part: job.part, year: job.year })
          : t('reports.periodic.periodYear', { year: job.year });
    return t('reports.periodic.reportName', { period, unit: job.unit.name });
  };
}

const STATUS_KEY = {
  queued: 'reports.periodic.statusQueued',
  running: 'reports.periodic.statusRunning',
  ready: 'reports.periodic.statusReady',
  failed: 'reports.periodic.statusFailed',
} as const;

function JobList({ unitId, watched, onWatch }: { unitId: string; watched: string | undefined; onWatch: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = formatters(lang);
  const jobs = useReportJobs(unitId);
  const regenerate = useRequestReport();
  const name = useReportName();
  const columns = { status: t('reports.periodic.status'), requestedAt: t('reports.periodic.requestedAt'), files: t('reports.periodic.files') };
  const followed = jobs.data?.items.find((job) => job.id === watched);
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('reports.periodic.listTitle')}</h2>
      {/* Announces the status of the report just requested as it changes (the list is polled). */}
      <div role="status" className="visually-hidden">
        {followed ? `${name(followed)}: ${t(STATUS_KEY[followed.status])}` : null}
      </div>
      {jobs.isError ? (
        <ErrorState title={t('admin.loadError')} error={jobs.error} retrying={jobs.isFetching} onRetry={() => void jobs.refetch()} />
      ) : !jobs.data ? (
        <LoadingState label={t('reports.periodic.loading')} />
      ) : jobs.data.items.length === 0 ? (
        <p>{t('reports.periodic.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack" role="table">
            <caption>{t('reports.periodic.listCaption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('reports.periodic.report')}
                </th>
                <th scope="col" role="columnheader">
                  {columns.status}
                </th>
                <th scope="col" role="columnheader">
                  {columns.requestedAt}
                </th>
                <th scope="col" role="columnheader">
                  {columns.files}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {jobs.data.items.map((job) => {
                const jobName = name(job);
                return (
                  <tr key={job.id} role="row" data-report-id={job.id}>
                    <th scope="row" role="rowheader">
                      {jobName}
                    </th>
                    <td role="cell">
                      <CellLabel>{columns.status}</CellLabel>
                      <span className={`job-status job-status--${job.status}`}>{t(STATUS_KEY[job.status])}</span>
                    </td>
                    <td role="cell">
                      <CellLabel>{columns.requestedAt}</CellLabel>
                      {fmt.dateTime(job.requestedAt)}
                    </td>
                    <td role="cell">
                      <CellLabel>{columns.files}</CellLabel>
                      {job.status === 'ready' && job.files ? (
                        <ul className="downloads" role="list">
                          {FORMATS.map((format) => (
                            <li key={format}>
                              <a href={job.files![format]} download aria-label={t('reports.periodic.downloadLabel', { format: FORMAT_NAMES[format], name: jobName })}>
                                {t('reports.periodic.download', { format: FORMAT_NAMES[format] })}
                              </a>
                            </li>
                          ))}
                        </ul>
                      ) : job.status === 'failed' ? (
                        <>
                          <p>{t('reports.periodic.failedHint')}</p>
                          <Button
                            variant="secondary"
                            busy={regenerate.isPending && regenerate.variables?.year === job.year && regenerate.variables.part === job.part}
                            onClick={() =>
                              regenerate.mutate(
                                { unitId: job.unit.id, kind: job.kind, year: job.year, part: job.part, regenerate: true },
                                { onSuccess: (again) => onWatch(again.id) },
                              )
                            }
                          >
                            {t('reports.periodic.retry')}
                          </Button>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
