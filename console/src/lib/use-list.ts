import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';

/** What a list page shows: rows once loaded, and whether it is loading, refreshing or failed. */
export interface ListState<T> {
  readonly data: readonly T[] | undefined;
  readonly isPending: boolean;
  readonly isFetching: boolean;
  readonly error: unknown;
}

/** A whole (short) list from the admin API: one query, refreshed by invalidating its key. */
export function useList<T>(
  queryKey: QueryKey,
  load: () => Promise<readonly T[]>,
  options: { readonly refetchInterval?: number | false; readonly enabled?: boolean } = {},
) {
  return useQuery({ queryKey, queryFn: load, ...options });
}

export interface Pager {
  readonly page: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly previous: () => void;
  readonly next: () => void;
}

/**
 * A list the admin API pages with cursors (`nextCursor`): keeps the cursors of the pages before this
 * one so "Previous" can go back, and starts again at page 1 whenever `filters` change.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  filters: unknown,
  load: (cursor: string | undefined) => Promise<{ data: readonly T[]; nextCursor?: string | null }>,
  /** Poll the first page (a live log); later pages stay still while someone reads them. */
  pollFirstPageMs?: number,
): ListState<T> & { readonly pager: Pager } {
  const filterKey = JSON.stringify(filters ?? null);
  const [state, setState] = useState<{ filterKey: string; cursors: (string | undefined)[] }>({
    filterKey,
    cursors: [undefined],
  });
  const cursors = state.filterKey === filterKey ? state.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [...queryKey, filterKey, cursor],
    queryFn: () => load(cursor),
    placeholderData: (previous) => previous,
    refetchInterval: cursors.length === 1 && pollFirstPageMs ? pollFirstPageMs : false,
  });
  const nextCursor = query.data?.nextCursor ?? undefined;
  return {
    data: query.data?.data,
    isPending: query.isPending,
    isFetching: query.isFetching,
    error: query.error,
    pager: {
      page: cursors.length,
      hasPrevious: cursors.length > 1,
      hasNext: nextCursor !== undefined,
      previous: () => setState({ filterKey, cursors: cursors.slice(0, -1) }),
      next: () => setState({ filterKey, cursors: [...cursors, nextCursor] }),
    },
  };
}
