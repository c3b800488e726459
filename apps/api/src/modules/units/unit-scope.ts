import type { AuthUser } from '../identity/auth-user';
import type { Role } from '../identity/role-assignment.entity';
import { isUnitPath, isWithin } from './unit-tree';

/**
 * What part of the administrative tree a caller may see, derived from the roles on their session.
 *
 * The rule: an administrator sees everything. Any other caller sees the subtrees of the units of
 * their scoped roles that grant the access in question (for the administration endpoints: official),
 * and nothing else. Every query of units, users and households for such a caller is filtered in SQL
 * by `path LIKE <their unit path> || '%'` (the text_pattern_ops index on administrative_units.path),
 * not only checked in a guard; a single record outside the scope is answered with 404, exactly as if
 * it did not exist, so that ids cannot be probed for existence (a 403 would confirm them).
 */
export class UnitScope {
  private constructor(
    /** The caller is an administrator: no filter. */
    readonly all: boolean,
    /** Materialised paths of the subtree roots, none nested in another (empty: sees nothing). */
    readonly paths: readonly string[],
  ) {}

  /** The scope a user's roles give for an access that `via` roles grant (administrators: everything). */
  static of(user: AuthUser, via: readonly Role[] = ['official']): UnitScope {
    if (user.roles.some((r) => r.role === 'administrator')) return new UnitScope(true, []);
    const paths = user.roles
      .filter((r) => via.includes(r.role) && r.unitPath !== null)
      .map((r) => r.unitPath as string)
      .filter((path) => {
        // Paths go into SQL as parameters, but a malformed one would widen a prefix match.
        if (!isUnitPath(path)) throw new Error(`role of user ${user.id} has a malformed unit path`);
        return true;
      });
    return new UnitScope(false, minimalRoots(paths));
  }

  static everything(): UnitScope {
    return new UnitScope(true, []);
  }

  /** Whether a unit (by its path) is inside the scope; a null path (no unit) only for administrators. */
  covers(path: string | null | undefined): boolean {
    if (this.all) return true;
    if (!path) return false;
    return this.paths.some((root) => isWithin(path, root));
  }

  /**
   * A SQL condition restricting `pathColumn` (a materialised path, e.g. `u.path`) to the scope; its
   * parameters are appended to `params` (PostgreSQL $n placeholders). A null path never matches,
   * except for administrators.
   */
  where(pathColumn: string, params: unknown[]): string {
    if (this.all) return 'TRUE';
    if (this.paths.length === 0) return 'FALSE';
    const clauses = this.paths.map((path) => {
      params.push(path);
      return `${pathColumn} LIKE $${params.length} || '%'`;
    });
    return `(${clauses.join(' OR ')})`;
  }
}

/** Drops paths inside another one of the list (an official of a province and of one of its communes). */
export function minimalRoots(paths: readonly string[]): string[] {
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const path of unique) if (!roots.some((root) => isWithin(path, root))) roots.push(path);
  return roots;
}
