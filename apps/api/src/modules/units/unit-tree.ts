import { UNIT_LEVELS, type UnitLevel } from './administrative-unit.entity';

/**
 * Pure rules of the administrative tree. Since July 2025 Vietnam has two local levels (province →
 * commune/ward), so the tree is country → province → commune → village/residential group, and a
 * unit's level is always the one right below its parent's.
 */

/** The level a child of a unit of this level has; undefined below a village. */
export function childLevelOf(level: UnitLevel): UnitLevel | undefined {
  return UNIT_LEVELS[UNIT_LEVELS.indexOf(level) + 1];
}

/** Depth of a level: country 0, province 1, commune 2, village 3. */
export function depthOf(level: UnitLevel): number {
  return UNIT_LEVELS.indexOf(level);
}

export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATH = new RegExp(`^(/${UUID})+/$`);

/** A materialised path: "/<root id>/<child id>/.../" (lower-case uuids, slash-terminated). */
export function isUnitPath(path: string): boolean {
  return PATH.test(path);
}

/** The path of a new unit with this id: its parent's path and its own id, or "/<id>/" for a root. */
export function childPath(parentPath: string | null, id: string): string {
  const path = `${parentPath ?? '/'}${id.toLowerCase()}/`;
  if (!isUnitPath(path)) throw new Error(`invalid unit path ${JSON.stringify(path)}`);
  return path;
}

/** Ids on a path from the root down to the unit itself (its breadcrumb, in order). */
export function idsOnPath(path: string): string[] {
  if (!isUnitPath(path)) throw new Error(`invalid unit path ${JSON.stringify(path)}`);
  return path.split('/').filter((part) => part !== '');
}

/** Whether the unit at `path` lies in the subtree rooted at the unit whose path is `rootPath` (itself included). */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** The path a unit gets when its subtree root moves from `oldRoot` to `newRoot` (both paths). */
export function rebasePath(path: string, oldRoot: string, newRoot: string): string {
  if (!isWithin(path, oldRoot)) throw new Error(`${path} is not under ${oldRoot}`);
  return newRoot + path.slice(oldRoot.length);
}
