import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Unit } from '../../api/client';
import { inScope, useScopeRoots, useUnitAncestors } from './api';

/**
 * Where a unit sits in the tree: from "All" (the tops of the caller's area) down to the unit. Units
 * above the caller's area are shown as text, not links (they could not be opened).
 */
export function UnitBreadcrumb({ unitId, linkTo }: { unitId: string; linkTo: (unit: Unit | null) => string }) {
  const { t } = useTranslation();
  const ancestors = useUnitAncestors(unitId);
  const roots = useScopeRoots();
  if (!ancestors.data || !roots.data) return null;
  const units = ancestors.data;
  return (
    <nav className="breadcrumb" aria-label={t('admin.units.breadcrumb')}>
      <ol>
        <li>
          <Link to={linkTo(null)}>{t('admin.units.all')}</Link>
        </li>
        {units.map((unit, index) =>
          index === units.length - 1 ? (
            <li key={unit.id} aria-current="page">
              {unit.name}
            </li>
          ) : (
            <li key={unit.id}>{inScope(unit, roots.data) ? <Link to={linkTo(unit)}>{unit.name}</Link> : unit.name}</li>
          ),
        )}
      </ol>
    </nav>
  );
}
