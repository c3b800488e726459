/**
 * A column's name inside a cell, shown only when a table is laid out as cards (narrow screens).
 * Hidden from screen readers, which announce the table's own headers.
 */
export function CellLabel({ children }: { children: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {children}
    </span>
  );
}
