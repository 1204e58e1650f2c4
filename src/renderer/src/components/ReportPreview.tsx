// One appendix as it will be printed: the ReportTable model rendered faithfully as an HTML table on an A4-like
// sheet. Spans, alignment and column proportions come from the model; every cell's text is shown verbatim.
// Cells covered by a span are null in the model and render nothing. Hints are not part of the sheet (see
// ReportsPage), so they never reach paper.
import type { CSSProperties } from 'react';
import type { Align, ReportCell, ReportColumn, ReportTable } from '../../../shared/report';

interface CellProps {
  cell: ReportCell;
  column: ReportColumn | undefined;
  head: boolean;
}

function Cell({ cell, column, head }: CellProps) {
  const align: Align = cell.align ?? column?.align ?? 'left';
  const props = {
    // 1 is the HTML default; leaving it out keeps the markup clean.
    rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    colSpan: cell.colSpan && cell.colSpan > 1 ? cell.colSpan : undefined,
    style: { textAlign: align } satisfies CSSProperties,
  };
  return head ? <th {...props}>{cell.text}</th> : <td {...props}>{cell.text}</td>;
}

function Cells({ cells, columns, head }: { cells: (ReportCell | null)[]; columns: ReportColumn[]; head: boolean }) {
  return (
    <>
      {cells.map((cell, i) =>
        cell === null ? null : <Cell key={columns[i]?.key ?? i} cell={cell} column={columns[i]} head={head} />,
      )}
    </>
  );
}

/** Column widths as percentages of the table, in the model's proportions. */
export function columnPercents(columns: ReportColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + Math.max(c.width, 0), 0);
  if (total <= 0) return columns.map(() => 100 / Math.max(columns.length, 1));
  return columns.map((c) => (Math.max(c.width, 0) / total) * 100);
}

export function ReportPreview({ table }: { table: ReportTable }) {
  const percents = columnPercents(table.columns);
  return (
    <article
      className="report-sheet"
      data-testid="report-preview"
      data-report-id={table.id}
      data-orientation={table.orientation}
    >
      <div className="report-label" data-testid="report-label">
        {table.label}
      </div>
      <h1 className="report-title" data-testid="report-title">
        {table.title}
      </h1>
      <table className="report-table">
        <colgroup>
          {table.columns.map((c, i) => (
            <col key={c.key} style={{ width: `${percents[i]!.toFixed(4)}%` }} />
          ))}
        </colgroup>
        {table.header.length > 0 && (
          <thead>
            {table.header.map((cells, i) => (
              <tr key={i} data-testid={`report-header-${i}`}>
                <Cells cells={cells} columns={table.columns} head />
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} data-testid={`report-row-${i}`}>
              <Cells cells={row.cells} columns={table.columns} head={false} />
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((note, i) => (
        <p key={i} className="report-note" data-testid={`report-note-${i}`}>
          {note}
        </p>
      ))}
    </article>
  );
}
