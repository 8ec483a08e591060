import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Table } from './table';

afterEach(cleanup);

describe('Table', () => {
  it('is a named table with column headers, a hidden actions header, and one row per child', () => {
    render(
      <Table label="Public links" className="links-table" columns={[{ label: 'Name' }, { label: 'Downloads', className: 'num' }, { label: 'Actions', hidden: true }]} after={<p>No matches</p>}>
        <tr><td>Plans</td><td className="num">3</td><td><button type="button">Copy</button></td></tr>
        <tr><td>Notes</td><td className="num">0</td><td /></tr>
      </Table>,
    );
    const table = screen.getByRole('table', { name: 'Public links' });
    expect(table).toHaveClass('data-table', 'links-table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Downloads', 'Actions']);
    expect(headers[1]).toHaveClass('num');
    expect(headers[2].querySelector('.sr-only')).not.toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('cell', { name: 'Plans' })).toBeInTheDocument();
    expect(screen.getByText('No matches').closest('.table-wrap')).not.toBeNull();
  });
});
