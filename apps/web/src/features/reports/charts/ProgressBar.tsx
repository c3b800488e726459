/**
 * A horizontal bar, drawn in SVG and hidden from screen readers: the numbers next to it are the
 * content. `value` and `marker` are shares of the track (0…1; above 1 the bar is full and marked).
 */
export function ProgressBar({ value, marker, tone = 'brand' }: { value: number; marker?: number; tone?: 'brand' | 'done' | 'muted' }) {
  const width = Math.max(0, Math.min(1, value)) * 100;
  const over = value > 1;
  return (
    <svg className={`bar bar--${over ? 'done' : tone}`} viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="bar__track" x="0" y="0" width="100" height="12" rx="0" />
      <rect className="bar__fill" x="0" y="0" width={width} height="12" />
      {marker !== undefined && marker > 0 && marker <= 1 ? <rect className="bar__marker" x={Math.min(99, marker * 100 - 0.5)} y="0" width="1" height="12" /> : null}
    </svg>
  );
}
