import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { unwrap } from '../../api/errors';

/**
 * Data of the reports pages (`/api/v1/reports/…`). The API limits every answer to the caller's area:
 * a unit outside it answers 404, a report (job) of another unit 403.
 */
const key = {
  roots: ['reports', 'units'] as const,
  dashboard: (unitId: string, year: number, targetGroup: string | undefined) => ['reports', 'dashboard', unitId, { year, targetGroup }] as const,
  targets: (unitId: string, year: number) => ['reports', 'targets', unitId, year] as const,
  jobs: (unitId: string) => ['reports', 'jobs', unitId] as const,
};

/** The tops of the caller's area (administrators: the roots of the tree). */
export function useReportRoots() {
  return useQuery({
    queryKey: key.roots,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reports/units', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** Everything the dashboard of one unit shows, in one answer. */
export function useDashboard(unitId: string, year: number, targetGroup: string | undefined) {
  return useQuery({
    queryKey: key.dashboard(unitId, year, targetGroup),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/reports/units/{unitId}/dashboard', {
          params: { path: { unitId }, query: { year, ...(targetGroup ? { targetGroup: targetGroup as TargetGroupFilter } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export type Dashboard = NonNullable<ReturnType<typeof useDashboard>['data']>;
export type Figures = Dashboard['figures'];
export type ChildFigures = Dashboard['children'][number];
export type TargetVsActual = Dashboard['targets'][number];
export type ReportUnit = Dashboard['unit'];
type TargetGroupFilter = NonNullable<NonNullable<operations['reportDashboard']['parameters']['query']>['targetGroup']>;

export function useTargets(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: key.targets(unitId ?? '', year),
    enabled: !!unitId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reports/targets', { params: { query: { unitId: unitId!, year } }, signal })),
  });
}

export type Target = NonNullable<ReturnType<typeof useTargets>['data']>['items'][number];
export type UpsertTarget = components['schemas']['UpsertTargetDto'];
export type TargetImportResult = components['schemas']['TargetImportResultDto'];
export type TargetMetric = Target['metric'];
export type TargetGroupOfTarget = Target['targetGroup'];

export function useUpsertTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpsertTarget) => unwrap(api.PUT('/api/v1/reports/targets', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export function useDeleteTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) => unwrap(api.DELETE('/api/v1/reports/targets/{targetId}', { params: { path: { targetId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** CSV as the request body (text/csv), all or nothing. */
export function useImportTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string): Promise<TargetImportResult> =>
      unwrap(
        api.POST('/api/v1/reports/targets/import', {
          body: csv,
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

const BUSY = new Set(['queued', 'running']);

/** The reports requested for a unit, polled every 2 s while one of them is being made. */
export function useReportJobs(unitId: string | undefined) {
  return useQuery({
    queryKey: key.jobs(unitId ?? ''),
    enabled: !!unitId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reports/jobs', { params: { query: { unitId: unitId! } }, signal })),
    refetchInterval: (query) => (query.state.data?.items.some((job) => BUSY.has(job.status)) ? 2000 : false),
  });
}

export type ReportJob = NonNullable<ReturnType<typeof useReportJobs>['data']>['items'][number];
export type CreateReportJob = components['schemas']['CreateReportJobDto'];

export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportJob) => unwrap(api.POST('/api/v1/reports/jobs', { body })),
    onSuccess: (job) => queryClient.invalidateQueries({ queryKey: key.jobs(job.unit.id) }),
  });
}

export interface UnitChoice {
  id: string;
  name: string;
  level: ReportUnit['level'];
  depth: number;
}

/**
 * Units offered by the targets and periodic-report forms: the tops of the caller's area and the
 * units right below them (a province official: the province and its communes), plus `extraId`
 * (a unit opened from a dashboard) when it is deeper.
 */
export function useUnitChoices(extraId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'unit-choices', extraId ?? ''],
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<UnitChoice[]> => {
      const roots = await unwrap(api.GET('/api/v1/reports/units', { signal }));
      const children = await Promise.all(
        roots.map((root) =>
          root.level === 'village' ? Promise.resolve([]) : unwrap(api.GET('/api/v1/admin/units/{id}/children', { params: { path: { id: root.id } }, signal })),
        ),
      );
      const choices: UnitChoice[] = roots.flatMap((root, i) => [
        { id: root.id, name: root.name, level: root.level, depth: 0 },
        ...(children[i] ?? []).map((child) => ({ id: child.id, name: child.name, level: child.level, depth: 1 })),
      ]);
      if (extraId && !choices.some((c) => c.id === extraId)) {
        try {
          const extra = await unwrap(api.GET('/api/v1/admin/units/{id}', { params: { path: { id: extraId } }, signal }));
          choices.push({ id: extra.id, name: extra.name, level: extra.level, depth: 2 });
        } catch {
          // outside the caller's area or gone: not offered
        }
      }
      return choices;
    },
  });
}
