import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n';
import { ChartFrame } from './ChartFrame';
import { describeSeries, labelStride, ticks } from './scale';
import { rootFontSize, useWidth } from './useWidth';

export interface TrendSeries {
  name: string;
  values: readonly (number | null)[];
}

interface TrendChartProps {
  title: string;
  /** The periods, oldest first (e.g. "Q1 2026" or "03/2026"). */
  labels: readonly string[];
  /** One to three series of the same length as `labels`. */
  series: readonly TrendSeries[];
  /** Formats a value for the axis, the summary and the table. */
  format?: (value: number) => string;
}

const STYLES = ['trend__line--1', 'trend__line--2', 'trend__line--3'] as const;
const MARKERS = ['circle', 'square', 'diamond'] as const;

/**
 * A line chart of figures over time, drawn at its real width (text at the page's size, readable on
 * a 360 px phone and on a projector). Series differ by colour, line style and marker shape, and have
 * a legend. The SVG is one image for screen readers, with a summary as its name; the figures are
 * in the frame's table.
 */
export function TrendChart({ title, labels, series, format }: TrendChartProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = format ?? ((v: number) => new Intl.NumberFormat(lang).format(v));
  const { ref, width } = useWidth<HTMLDivElement>();
  const em = rootFontSize();
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const axis = ticks(max);
  const top = axis[axis.length - 1] ?? 1;
  const left = Math.ceil(Math.max(...axis.map((v) => fmt(v).length)) * em * 0.55) + em * 0.6;
  const right = em * 0.8;
  const height = Math.round(em * 11);
  const plotTop = em * 0.8;
  const plotBottom = height - em * 2;
  const plotWidth = Math.max(10, width - left - right);
  const x = (i: number) => left + (labels.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (labels.length - 1));
  const y = (v: number) => plotBottom - (v / top) * (plotBottom - plotTop);
  const longest = Math.max(1, ...labels.map((l) => l.length));
  // Every n-th label, counted back from the latest period (always shown).
  const stride = labelStride(labels.length, plotWidth, longest * em * 0.6 + em);

  const summary = series
    .map((s) => {
      const d = describeSeries(labels, s);
      if (!d) return t('reports.chart.noData', { name: s.name });
      return t('reports.chart.trendSummary', {
        name: s.name,
        first: fmt(d.first.value),
        firstLabel: d.first.label,
        last: fmt(d.last.value),
        lastLabel: d.last.label,
        highest: fmt(d.highest.value),
        highestLabel: d.highest.label,
      });
    })
    .join(' ');

  const table = (
    <table className="table table--periods">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.chart.period')}</th>
          {series.map((s) => (
            <th key={s.name} scope="col" className="num">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {series.map((s) => (
              <td key={s.name} className="num">
                {s.values[i] === null || s.values[i] === undefined ? '—' : fmt(s.values[i])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame title={title} table={table}>
      {series.length > 1 ? (
        <ul className="legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.name}>
              <svg width={em * 2} height={em} aria-hidden="true" focusable="false">
                <line className={`trend__line ${STYLES[i % 3]}`} x1="0" x2={em * 2} y1={em / 2} y2={em / 2} />
                <Marker shape={MARKERS[i % 3]!} cx={em} cy={em / 2} r={em * 0.22} className={`trend__point ${STYLES[i % 3]}`} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={ref} className="trend">
        <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
          <g aria-hidden="true">
            {axis.map((v) => (
              <g key={v}>
                <line className="trend__grid" x1={left} x2={width - right} y1={y(v)} y2={y(v)} />
                <text className="trend__axis" x={left - em * 0.4} y={y(v)} dy="0.35em" textAnchor="end">
                  {fmt(v)}
                </text>
              </g>
            ))}
            {labels.map((label, i) =>
              (labels.length - 1 - i) % stride === 0 ? (
                <text key={label} className="trend__axis" x={x(i)} y={plotBottom + em * 1.3} textAnchor={labels.length > 1 && i === labels.length - 1 ? 'end' : i === 0 && labels.length > 1 ? 'start' : 'middle'}>
                  {label}
                </text>
              ) : null,
            )}
            {series.map((s, si) => {
              const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
              const d = points.reduce((acc, p, i) => (p ? `${acc}${acc && points[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : acc), '');
              return (
                <g key={s.name}>
                  <path className={`trend__line ${STYLES[si % 3]}`} d={d} />
                  {points.map((p, i) => (p ? <Marker key={i} shape={MARKERS[si % 3]!} cx={p[0]} cy={p[1]} r={em * 0.25} className={`trend__point ${STYLES[si % 3]}`} /> : null))}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
    </ChartFrame>
  );
}

function Marker({ shape, cx, cy, r, className }: { shape: (typeof MARKERS)[number]; cx: number; cy: number; r: number; className: string }) {
  if (shape === 'square') return <rect className={className} x={cx - r} y={cy - r} width={r * 2} height={r * 2} />;
  if (shape === 'diamond') return <path className={className} d={`M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}Z`} />;
  return <circle className={className} cx={cx} cy={cy} r={r} />;
}
