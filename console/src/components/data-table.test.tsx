// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import type { ListState, Pager } from '../lib/use-list.js';
import { DataTable } from './data-table.js';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
}
const columns = [
  { header: 'Name', cell: (r: Row) => r.name },
  { header: 'Actions', hideHeader: true, cell: (r: Row) => <button type="button">Open {r.name}</button> },
];
const state = (over: Partial<ListState<Row>>): ListState<Row> => ({
  data: undefined,
  isPending: false,
  isFetching: false,
  error: null,
  ...over,
});
const table = (list: ListState<Row>, pager?: Pager) =>
  render(
    <DataTable
      list={list}
      what="things"
      caption="Things"
      empty="No thing yet."
      columns={columns}
      rowKey={(r) => r.id}
      pager={pager}
    />,
  );

describe('DataTable', () => {
  it('says it is loading, then shows the rows under their headers', () => {
    const { rerender } = table(state({ isPending: true }));
    expect(screen.getByRole('status').textContent).toBe('Loading things…');
    expect(screen.queryByRole('table')).toBeNull();
    rerender(
      <DataTable
        list={state({ data: [{ id: '1', name: 'alpha' }] })}
        what="things"
        caption="Things"
        empty="No thing yet."
        columns={columns}
        rowKey={(r) => r.id}
      />,
    );
    const grid = screen.getByRole('table', { name: 'Things' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Actions']);
    expect(grid.querySelector('tbody td')?.textContent).toBe('alpha');
  });

  it('says the list is empty in its own words', () => {
    table(state({ data: [] }));
    expect(screen.getByText('No thing yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a failure in words with its request id', () => {
    table(state({ error: new ApiError(403, 'forbidden', 'This key cannot read that.', 'req-7') }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load the things.');
    expect(alert.textContent).toContain('This key cannot read that.');
    expect(alert.textContent).toContain('req-7');
  });

  it('pages forward and back with the pager', async () => {
    const moves: string[] = [];
    const pager: Pager = {
      page: 2,
      hasPrevious: true,
      hasNext: false,
      previous: () => moves.push('previous'),
      next: () => moves.push('next'),
    };
    table(state({ data: [{ id: '1', name: 'alpha' }] }), pager);
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(moves).toEqual(['previous']);
  });
});
