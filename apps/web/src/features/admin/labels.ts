import type { TFunction } from 'i18next';
import type { Role, UnitLevel } from '../../api/client';

export const roleName = (t: TFunction, role: Role): string => t(`roles.${role}`);
export const levelName = (t: TFunction, level: UnitLevel): string => t(`unitLevel.${level}`);

/** The level right below (a new unit's level), or undefined for a village. */
export function levelBelow(level: UnitLevel): UnitLevel | undefined {
  const order: UnitLevel[] = ['country', 'province', 'commune', 'village'];
  return order[order.indexOf(level) + 1];
}
