import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { SelectField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { useStudioCoverage, type Coverage, type StudioVersion } from './api';
import { groupName } from './labels';

/** How far the lessons' competency mappings cover the required profile of each target group. */
export function CoveragePanel({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [group, setGroup] = useState<StudioVersion['targetGroups'][number] | undefined>(version.targetGroups[0]);
  const active = group && version.targetGroups.includes(group) ? group : version.targetGroups[0];
  const coverage = useStudioCoverage(version.id, active);
  return (
    <section aria-labelledby="coverage-title" className="studio-coverage">
      <h3 id="coverage-title">{t('studio.coverage.title')}</h3>
      {version.targetGroups.length === 0 ? (
        <p>{t('studio.coverage.noGroups')}</p>
      ) : (
        <>
          {version.targetGroups.length > 1 ? (
            <SelectField id="coverage-group" label={t('studio.coverage.group')} value={active} onChange={(e) => setGroup(e.target.value as typeof group)}>
              {version.targetGroups.map((g) => (
                <option key={g} value={g}>
                  {groupName(g, lang)}
                </option>
              ))}
            </SelectField>
          ) : (
            <p>{t('studio.coverage.for', { group: groupName(version.targetGroups[0]!, lang) })}</p>
          )}
          {coverage.data ? <CoverageTable coverage={coverage.data} /> : coverage.isError ? <p role="alert">{coverage.error.message}</p> : <LoadingState label={t('studio.loading')} />}
        </>
      )}
    </section>
  );
}

function CoverageTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const covered = coverage.requirements.filter((r) => r.status !== 'missing').length;
  return (
    <>
      <p>{t('studio.coverage.summary', { covered, total: coverage.requirements.length })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('studio.coverage.table')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('studio.coverage.competency')}</th>
              <th scope="col">{t('studio.coverage.required')}</th>
              <th scope="col">{t('studio.coverage.taught')}</th>
              <th scope="col">{t('studio.coverage.assessed')}</th>
              <th scope="col">{t('studio.coverage.status')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.requirements.map((r) => (
              <tr key={r.competency}>
                <th scope="row">
                  <span className="code">{r.competency.split(':')[1]}</span> {r.name[lang]}
                </th>
                <td>{r.required}</td>
                <td>{r.taughtLevel || '—'}</td>
                <td>{r.assessedLevel || '—'}</td>
                <td>{r.text[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
