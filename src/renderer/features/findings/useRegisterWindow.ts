import { useCallback, useMemo, useState } from 'react';
import type { RegisterQuery } from '../../../shared/api/findings';
import type { RegisterFilter, RegisterRow, RegisterSort } from '../../../shared/domain/views';
import { useQuery, useQueryList } from '../../hooks/data';

/** Rows per read: a screenful or two, so scrolling asks main for a few small windows, never the whole register. */
export const REGISTER_PAGE = 100;

export interface RegisterWindow {
  /** How many findings the filter keeps, and how many there are; undefined until main first answers. */
  total: number | undefined;
  all: number | undefined;
  /** The row at a place in the filtered, sorted register, or undefined while its window is on its way. */
  rowAt: (index: number) => RegisterRow | undefined;
  /** The table says which rows it shows; the windows covering them are read. */
  showing: (first: number, last: number) => void;
  error: string | null;
}

/**
 * The register as the table sees it: a count from main and the rows in view, read one window of
 * REGISTER_PAGE rows at a time. The first window also carries the counts, and keeps showing the
 * previous filter's answer until the new one arrives, so typing in the filter never blanks the table.
 */
export function useRegisterWindow(filter: RegisterFilter, sort: RegisterSort): RegisterWindow {
  const [view, setView] = useState({ first: 0, last: 0 });
  const query = (offset: number): RegisterQuery => ({ filter, sort, offset, limit: REGISTER_PAGE });
  const head = useQuery('findings.register', query(0));
  const firstPage = Math.max(1, Math.floor(view.first / REGISTER_PAGE));
  const lastPage = Math.floor(view.last / REGISTER_PAGE);
  const offsets: number[] = [];
  for (let page = firstPage; page <= lastPage; page++) offsets.push(page * REGISTER_PAGE);
  const pages = useQueryList('findings.register', offsets.map(query), head.data !== undefined);

  const byOffset = useMemo(() => {
    const map = new Map<number, RegisterRow[]>();
    if (head.data) map.set(0, head.data.rows);
    for (const page of pages) if (page.data) map.set(page.data.offset, page.data.rows);
    return map;
  }, [head.data, pages]);

  const rowAt = useCallback(
    (index: number) => {
      const offset = Math.floor(index / REGISTER_PAGE) * REGISTER_PAGE;
      return byOffset.get(offset)?.[index - offset];
    },
    [byOffset],
  );

  const showing = useCallback((first: number, last: number) => {
    setView((v) => (v.first === first && v.last === last ? v : { first, last }));
  }, []);

  return {
    total: head.data?.total,
    all: head.data?.all,
    rowAt,
    showing,
    error: head.error ?? pages.find((p) => p.error)?.error ?? null,
  };
}
