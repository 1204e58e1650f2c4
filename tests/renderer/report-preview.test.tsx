// ReportPreview renders the ReportTable model faithfully: spans, covered cells, alignment, widths, verbatim text.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { columnPercents, ReportPreview } from '../../src/renderer/src/components/ReportPreview';
import { buildAppendix1 } from './report-fixture';

const cellTexts = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

describe('ReportPreview', () => {
  it('shows the label top-left and the title on the sheet', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    const sheet = screen.getByTestId('report-preview');
    expect(sheet.getAttribute('data-orientation')).toBe('landscape');
    expect(screen.getByTestId('report-label').textContent).toBe('附件1');
    expect(screen.getByTestId('report-title').textContent).toBe(
      '磐安县市场监督管理“十四五”主要目标指标（2021-2025年）',
    );
    // The label comes before the title, which comes before the table.
    const order = [...sheet.children].map((el) => el.getAttribute('data-testid') ?? el.tagName.toLowerCase());
    expect(order.slice(0, 3)).toEqual(['report-label', 'report-title', 'table']);
  });

  it('renders header spans and leaves covered header cells out', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    const [top, second] = [screen.getByTestId('report-header-0'), screen.getByTestId('report-header-1')];
    expect(cellTexts(top)).toEqual(['类别', '序号', '主要指标', '目标值', '备注']);
    expect(cellTexts(second)).toEqual(['2021年', '2025年']);

    const group = within(top).getByText('目标值');
    expect(group.tagName).toBe('TH');
    expect((group as HTMLTableCellElement).colSpan).toBe(2);
    expect((within(top).getByText('类别') as HTMLTableCellElement).rowSpan).toBe(2);
    // Cells without a span carry no span attribute at all.
    expect(within(second).getByText('2021年').hasAttribute('colspan')).toBe(false);
    expect(within(second).getByText('2021年').hasAttribute('rowspan')).toBe(false);
  });

  it('merges the category over its rows and omits the covered cell', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    const rows = [0, 1, 2].map((i) => screen.getByTestId(`report-row-${i}`));
    expect(rows.map((r) => r.querySelectorAll('td').length)).toEqual([6, 5, 6]);

    const category = within(rows[0]!).getByText('主体活力') as HTMLTableCellElement;
    expect(category.rowSpan).toBe(2);
    expect(within(rows[1]!).queryByText('主体活力')).toBeNull();
    expect(cellTexts(rows[1]!)[0]).toBe('2');
    expect((within(rows[2]!).getByText('质量提升') as HTMLTableCellElement).hasAttribute('rowspan')).toBe(false);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(3);
  });

  it('shows every text verbatim, numbers never reformatted and markup never interpreted', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    expect(cellTexts(screen.getByTestId('report-row-0'))).toEqual([
      '主体活力',
      '1',
      '在册市场主体总量（万户）',
      '3.035',
      '5.050',
      '',
    ]);
    const row1 = screen.getByTestId('report-row-1');
    expect(cellTexts(row1)).toEqual(['2', '公司制企业占企业总数比重（%）', '≥95', '96.20', '<b>年度评估</b>']);
    expect(row1.querySelector('b')).toBeNull();
    expect(screen.queryByText('3.04')).toBeNull();
    expect(screen.queryByText('96.2')).toBeNull();
    expect(screen.queryByText('5.05')).toBeNull();
  });

  it('aligns cells as the model says, falling back to the column', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    const align = (text: string) => screen.getByText(text).style.textAlign;
    expect(align('在册市场主体总量（万户）')).toBe('left');
    expect(align('3.035')).toBe('center');
    expect(align('<b>年度评估</b>')).toBe('right');
    // No align on the cell: the name column's 'left'.
    expect(align('公司制企业占企业总数比重（%）')).toBe('left');
  });

  it('sizes columns in the model proportions', () => {
    const table = buildAppendix1();
    render(<ReportPreview table={table} />);
    const widths = [...document.querySelectorAll('col')].map((col) => parseFloat(col.style.width));
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    expect(widths).toHaveLength(6);
    widths.forEach((w, i) => expect(w).toBeCloseTo((table.columns[i]!.width / total) * 100, 3));
    expect(
      columnPercents([
        { key: 'a', width: 1, align: 'left' },
        { key: 'b', width: 3, align: 'left' },
      ]),
    ).toEqual([25, 75]);
    expect(
      columnPercents([
        { key: 'a', width: 0, align: 'left' },
        { key: 'b', width: 0, align: 'left' },
      ]),
    ).toEqual([50, 50]);
  });

  it('prints notes under the table but never the hints', () => {
    render(<ReportPreview table={buildAppendix1()} />);
    const sheet = screen.getByTestId('report-preview');
    expect(screen.getByTestId('report-note-0').textContent).toBe('注：带“≥”的为预期性指标。');
    expect(sheet.textContent).not.toContain('请核对');
  });
});
