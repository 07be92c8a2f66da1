import type { ReactNode } from 'react';
import type { ListState, Pager } from '../lib/use-list.js';
import { Empty, ErrorMessage, Loading } from './status.js';

export interface Column<T> {
  /** The header's text; with `hideHeader` only screen readers read it (an actions column). */
  readonly header: string;
  readonly hideHeader?: boolean;
  readonly className?: string;
  readonly cell: (row: T) => ReactNode;
}

/** The pager's words: "Previous page / Next page" unless a list reads better otherwise (a log: newer / older). */
export interface PagerWords {
  readonly previous: string;
  readonly next: string;
  readonly label: string;
}

/**
 * Every list page's table: the loading, error and empty states in words, a captioned table whose
 * columns are given, and the pager when the list is paged. One layout, so the pages cannot drift.
 */
export function DataTable<T>({
  list,
  what,
  caption,
  empty,
  columns,
  rowKey,
  pager,
  showCaption = false,
  rowClassName,
  pagerWords,
}: {
  readonly list: ListState<T>;
  /** Lower-case plural, as in "Loading {what}…" and "Could not load the {what}". */
  readonly what: string;
  readonly caption: string;
  readonly empty: ReactNode;
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => string;
  readonly pager?: Pager;
  /** Show the caption as the table's title (a table inside a section); else only screen readers read it. */
  readonly showCaption?: boolean;
  readonly rowClassName?: (row: T) => string | undefined;
  readonly pagerWords?: PagerWords;
}) {
  const rows = list.data;
  return (
    <>
      <ListStatus list={list} what={what} empty={empty} />
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={list.isFetching}>
            <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.hideHeader ? (
                      <span className="visually-hidden">{column.header}</span>
                    ) : (
                      column.header
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pager ? (
        <PagerNav
          pager={pager}
          words={pagerWords ?? { previous: 'Previous page', next: 'Next page', label: `Pages of ${what}` }}
        />
      ) : null}
    </>
  );
}

/** A list's loading, error and empty states, in words (for lists shown as cards rather than a table). */
export function ListStatus<T>({
  list,
  what,
  empty,
}: {
  readonly list: ListState<T>;
  readonly what: string;
  readonly empty: ReactNode;
}) {
  return (
    <>
      {list.isPending ? <Loading what={what} /> : null}
      <ErrorMessage error={list.error} title={`Could not load the ${what}`} />
      {list.data?.length === 0 ? <Empty>{empty}</Empty> : null}
    </>
  );
}

function PagerNav({ pager, words }: { readonly pager: Pager; readonly words: PagerWords }) {
  return (
    <nav className="pager" aria-label={words.label}>
      <button type="button" disabled={!pager.hasPrevious} onClick={pager.previous}>
        {words.previous}
      </button>
      <span>Page {pager.page}</span>
      <button type="button" disabled={!pager.hasNext} onClick={pager.next}>
        {words.next}
      </button>
    </nav>
  );
}
