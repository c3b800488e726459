import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFrameProps {
  title: string;
  /** The chart (an SVG with role="img" and an aria-label summary, or bars whose numbers are text). */
  children: ReactNode;
  /** The same figures as a table: always read by screen readers, shown on request to everyone. */
  table: ReactNode;
  /** A short note under the chart (e.g. what a bar stands for). */
  note?: ReactNode;
}

/**
 * A chart with its title (a heading of the page) and its data table. The table stays in the page (visually hidden) so that
 * screen readers and copy–paste get the exact numbers; "Show the figures as a table" reveals it.
 */
export function ChartFrame({ title, children, table, note }: ChartFrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="chart__title">
        {title}
      </h2>
      {children}
      {note ? <p className="chart__note">{note}</p> : null}
      <button type="button" className="button button--link chart__toggle" aria-expanded={shown} aria-controls={`${id}-table`} onClick={() => setShown((s) => !s)}>
        {shown ? t('reports.chart.hideTable') : t('reports.chart.showTable')}
      </button>
      {/* Shown, it may scroll sideways on a narrow screen: a focusable region, so keys can scroll it. */}
      <div
        id={`${id}-table`}
        className={shown ? 'table-wrap chart__table' : 'visually-hidden'}
        role={shown ? 'region' : undefined}
        aria-labelledby={shown ? `${id}-title` : undefined}
        tabIndex={shown ? 0 : undefined}
      >
        {table}
      </div>
    </figure>
  );
}
