import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { columnName } from './sheets';

const ROW = 28;

/** A sheet as a table whose rows outside the view are not in the DOM (thousands of rows stay fast). */
export function SheetTable({ rows, label }: { rows: readonly string[][]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const cols = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const items = v.getVirtualItems();
  const before = items.length ? items[0].start : 0;
  const after = items.length ? v.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div ref={scroller} className="doc-body sheet-scroll" tabIndex={0}>
      <table className="sheet-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th className="sheet-corner" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col">
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <tr key={item.index} aria-rowindex={item.index + 2} style={{ height: ROW }}>
                <th scope="row">{item.index + 1}</th>
                {Array.from({ length: cols }, (_, c) => (
                  <td key={c} className={/^-?\d+([.,]\d+)?$/.test(row[c] ?? '') ? 'num' : undefined}>
                    {row[c] ?? ''}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
