import { TARGET_GROUPS } from '@hocso/curriculum';
import type { TargetMetric } from './entities';

export const TARGET_GROUP_IDS: readonly string[] = TARGET_GROUPS.map((g) => g.id);
/** Target groups of targets: one group, or 'all'. */
export const TARGET_SCOPES: readonly string[] = ['all', ...TARGET_GROUP_IDS];

/** Why a target value does not fit its metric (undefined when it does). */
export function targetValueProblem(metric: TargetMetric, value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return 'must be a number, 0 or more';
  if (metric === 'coverage_percent') return value <= 100 ? undefined : 'must be a percentage from 0 to 100';
  return Number.isInteger(value) ? undefined : 'must be a whole number of people';
}
