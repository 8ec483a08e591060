import type { ReactNode } from 'react';
import './table.css';

export interface Column {
  label: ReactNode;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
  className?: string;
}

/**
 * A semantic data table in a scrolling frame (trash, links): column headers with `scope`, one row
 * per child of the body. `after` stands inside the frame under the rows (a "nothing matches" line).
 */
export function Table({ label, columns, className, after, children }: { label: string; columns: readonly Column[]; className?: string; after?: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
