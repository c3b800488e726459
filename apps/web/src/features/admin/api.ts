import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type AdminUser, type ImportResult, type Role, type RoleAssignment, type Unit } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * Data of the administration pages. Every answer is already limited by the API to the caller's
 * area (an official's subtree); a unit or user outside it is a 404.
 */
const key = {
  roots: ['admin', 'units', 'roots'] as const,
  unit: (id: string) => ['admin', 'units', id] as const,
  children: (id: string) => ['admin', 'units', id, 'children'] as const,
  ancestors: (id: string) => ['admin', 'units', id, 'ancestors'] as const,
  unitsAtLevels: ['admin', 'units', 'levels'] as const,
  users: (q: string, offset: number, limit: number) => ['admin', 'users', { q, offset, limit }] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  coverage: (unitId: string) => ['admin', 'households', 'coverage', unitId] as const,
};

export function useScopeRoots() {
  return useQuery({
    queryKey: key.roots,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/units/roots', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** A unit is in the caller's area when it lies under one of their roots (materialised paths). */
export function inScope(unit: Pick<Unit, 'path'>, roots: readonly Pick<Unit, 'path'>[]): boolean {
  return roots.some((root) => unit.path.startsWith(root.path));
}

export function useUnit(id: string) {
  return useQuery({ queryKey: key.unit(id), queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/units/{id}', { params: { path: { id } }, signal })) });
}

export function useUnitChildren(id: string) {
  return useQuery({
    queryKey: key.children(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/units/{id}/children', { params: { path: { id } }, signal })),
  });
}

export function useUnitAncestors(id: string | undefined) {
  return useQuery({
    queryKey: key.ancestors(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/units/{id}/ancestors', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

/** Units a scoped role can cover, for the grant form: the area's tops, provinces and communes. */
export function useRoleUnits(enabled: boolean) {
  return useQuery({
    queryKey: key.unitsAtLevels,
    enabled,
    queryFn: async ({ signal }) => {
      const [roots, provinces, communes] = await Promise.all([
        unwrap(api.GET('/api/v1/admin/units/roots', { signal })),
        unwrap(api.GET('/api/v1/admin/units', { params: { query: { level: 'province', limit: 500 } }, signal })),
        unwrap(api.GET('/api/v1/admin/units', { params: { query: { level: 'commune', limit: 500 } }, signal })),
      ]);
      const byId = new Map<string, Unit>();
      for (const unit of [...roots, ...provinces.items, ...communes.items]) byId.set(unit.id, unit);
      // Tree order: a parent's path is a prefix of its children's.
      return [...byId.values()].sort((a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name, 'vi'));
    },
  });
}

export function useCreateUnit(parentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; level: Unit['level'] }) =>
      unwrap(api.POST('/api/v1/admin/units', { body: { ...body, parentId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key.children(parentId) }),
  });
}

/** CSV as the request body (text/csv), all or nothing. */
export function useImportUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string): Promise<ImportResult> =>
      unwrap(
        api.POST('/api/v1/admin/units/import', {
          body: csv,
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'units'] }),
  });
}

export const USERS_PAGE_SIZE = 20;

export function useUsers(q: string, page: number) {
  const offset = (page - 1) * USERS_PAGE_SIZE;
  return useQuery({
    queryKey: key.users(q, offset, USERS_PAGE_SIZE),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/users', { params: { query: { ...(q ? { q } : {}), offset, limit: USERS_PAGE_SIZE } }, signal })),
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: key.user(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } }, signal })),
  });
}

export function useGrantRole(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { role: Role; unitId?: string }): Promise<RoleAssignment> =>
      unwrap(api.POST('/api/v1/admin/users/{id}/roles', { params: { path: { id: userId } }, body })),
    onSuccess: (assignment) => {
      queryClient.setQueryData<AdminUser>(key.user(userId), (user) => (user ? { ...user, roles: [...user.roles, assignment] } : user));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
}

export function useRevokeRole(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignment: RoleAssignment) =>
      unwrap(api.DELETE('/api/v1/admin/users/{id}/roles/{assignmentId}', { params: { path: { id: userId, assignmentId: assignment.id } } })),
    onSuccess: (_data, assignment) => {
      queryClient.setQueryData<AdminUser>(key.user(userId), (user) =>
        user ? { ...user, roles: user.roles.filter((r) => r.id !== assignment.id) } : user,
      );
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
}

export function useHouseholdCoverage(unitId: string | undefined) {
  return useQuery({
    queryKey: key.coverage(unitId ?? ''),
    enabled: !!unitId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/households/coverage', { params: { query: { unitId: unitId! } }, signal })),
  });
}

