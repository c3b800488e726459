/**
 * The lists of the unit pickers of the sign-up and profile forms: the communes (and wards) people
 * may live in, then the villages of one commune. They need a public endpoint of the units API
 * (sign-up happens before there is a session).
 */
export interface UnitOption {
  id: string;
  name: string;
}

interface UnitOptions {
  /** False while the API has no public endpoint for these lists: the pickers are not shown. */
  available: boolean;
  data: UnitOption[] | undefined;
  isPending: boolean;
  isError: boolean;
  refetch: () => Promise<unknown>;
}

/** Communes (parent null) or the villages of a commune. */
export function useUnitOptions(_parentId: string | null | undefined): UnitOptions {
  return { available: false, data: undefined, isPending: false, isError: false, refetch: () => Promise.resolve() };
}
