import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * The lists of the unit pickers of the sign-up and profile forms: the communes (and wards) people
 * may live in, then the villages of one commune, from the public GET /api/v1/units (sign-up happens
 * before there is a session).
 */
export interface UnitOption {
  id: string;
  name: string;
}

interface UnitOptions {
  data: UnitOption[] | undefined;
  isPending: boolean;
  isError: boolean;
  refetch: () => Promise<unknown>;
}

/** Unit names change rarely: a list is kept fresh for an hour. */
const STALE_MS = 60 * 60 * 1000;

/** Communes (parent null) or the villages of a commune; nothing is loaded while the parent is undefined. */
export function useUnitOptions(parentId: string | null | undefined): UnitOptions {
  const query = useQuery({
    queryKey: ['units', 'public', parentId ?? null] as const,
    queryFn: async ({ signal }) => {
      const query = parentId ? { parentId, level: 'village' as const } : { level: 'commune' as const };
      const { items } = await unwrap(api.GET('/api/v1/units', { params: { query }, signal }));
      return items.map(({ id, name }): UnitOption => ({ id, name }));
    },
    enabled: parentId !== undefined,
    staleTime: STALE_MS,
  });
  return { data: query.data, isPending: query.isPending && parentId !== undefined, isError: query.isError, refetch: query.refetch };
}
