import { useTranslation } from 'react-i18next';
import { ChartFrame } from './ChartFrame';
import { ProgressBar } from './ProgressBar';
import { shareOf } from './scale';

export interface TargetRow {
  key: string;
  /** What is measured for whom, e.g. "Completed a course — Citizens". */
  label: string;
  actual: number | null;
  target: number;
  /** Formats a value (a count, or a share shown as a percentage). */
  format: (value: number) => string;
}

/**
 * Target vs actual as progress bars with their numbers written out ("120 / 200 (60%)"): the text
 * is the content, the bars (hidden from screen readers) let the eye compare the rows at a glance.
 */
export function TargetBars({ title, rows, percent, suppressed }: { title: string; rows: readonly TargetRow[]; percent: (share: number) => string; suppressed: string }) {
  const { t } = useTranslation();
  const line = (row: TargetRow) =>
    t('reports.dashboard.targetLine', {
      actual: row.actual === null ? suppressed : row.format(row.actual),
      target: row.format(row.target),
      share: row.actual === null ? '—' : percent(shareOf(row.actual, row.target)),
    });
  const table = (
    <table className="table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.targets.metric')}</th>
          <th scope="col" className="num">
            {t('reports.targets.value')}
          </th>
          <th scope="col" className="num">
            {t('reports.chart.actual')}
          </th>
          <th scope="col" className="num">
            {t('reports.chart.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.format(row.target)}</td>
            <td className="num">{row.actual === null ? suppressed : row.format(row.actual)}</td>
            <td className="num">{row.actual === null ? '—' : percent(shareOf(row.actual, row.target))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame title={title} table={table} note={t('reports.dashboard.targetNote')}>
      <ul className="target-list" role="list">
        {rows.map((row) => {
          const share = row.actual === null ? 0 : shareOf(row.actual, row.target);
          return (
            <li key={row.key}>
              <div className="target-row__head">
                <span className="target-row__name">{row.label}</span>
                <span className="target-row__numbers">{line(row)}</span>
              </div>
              <ProgressBar value={share} marker={share > 1 ? 1 / share : 1} />
            </li>
          );
        })}
      </ul>
    </ChartFrame>
  );
}
