// The pure pieces of the PDF layout: balanced line breaks, span splitting at page starts, column widths.
import { describe, expect, it } from 'vitest';
import { balanceLines } from '../../../src/main/export/pdf-balance';
import { cutAtFirstSpill } from '../../../src/main/export/pdf';
import { columnWidths, pageStarts, splitRowSpans } from '../../../src/main/export/pdf-layout';
import type { ReportCell, ReportTable } from '../../../src/shared/report';

const em = (text: string, size = 10) => [...text].map((c) => (/[\x20-\x7e]/.test(c) ? size / 2 : size));

describe('balanceLines', () => {
  it('spreads a short text evenly instead of leaving one character behind', () => {
    expect(balanceLines('主体活力', em('主体活力'), 31)).toBe('主体\n活力');
    expect(balanceLines('市场主体倍增行动', em('市场主体倍增行动'), 75)).toBe('市场主体\n倍增行动');
    expect(balanceLines('“磐五味”品牌培育行动', em('“磐五味”品牌培育行动'), 100)).toBe('“磐五味”\n品牌培育行动');
  });

  it('leaves a text that fits, or one with spaces, to pdfmake', () => {
    expect(balanceLines('序号', em('序号'), 40)).toBeNull();
    expect(balanceLines('甲 乙丙丁', em('甲 乙丙丁'), 20)).toBeNull();
    expect(balanceLines('甲'.repeat(40), em('甲'.repeat(40)), 50)).toBeNull(); // more than four lines
  });

  it('keeps closing punctuation off a line start and digits together', () => {
    const text = '年度（2021-2025年）';
    const lines = balanceLines(text, em(text), 60)!.split('\n');
    expect(lines.join('')).toBe(text);
    for (const l of lines) expect(l).not.toMatch(/^[）。，]/);
    expect(lines.some((l) => l.includes('2021-2025'))).toBe(true);
  });

  it('never makes a line wider than allowed', () => {
    const text = '知识产权质押融资登记金额';
    const out = balanceLines(text, em(text), 45)!;
    for (const l of out.split('\n')) expect(em(l).reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(45);
  });
});

const c = (text: string, rowSpan?: number): ReportCell => ({ text, align: 'center', ...(rowSpan ? { rowSpan } : {}) });

function table(rows: (ReportCell | null)[][]): ReportTable {
  return {
    id: 't',
    label: '附件1',
    title: 't',
    sheetName: 't',
    orientation: 'portrait',
    columns: [
      { key: 'a', width: 8, align: 'center' },
      { key: 'b', width: 30, align: 'left' },
      { key: 'c', width: 10, align: 'center' },
    ],
    header: [[c('类别'), c('名称'), c('说明')]],
    rows: rows.map((cells) => ({ cells })),
    groupColumn: 0,
    notes: [],
    hints: [],
  };
}

describe('splitRowSpans', () => {
  const t = table([
    [c('甲类', 3), c('一'), c('共用说明', 2)],
    [null, c('二'), null],
    [null, c('三'), c('单独')],
    [c('乙类'), c('四'), c('')],
  ]);

  it('changes nothing without page information or page starts', () => {
    expect(splitRowSpans(t)).toEqual(t.rows.map((r) => r.cells));
    expect(splitRowSpans(t, [1, 1, 1, 1])).toEqual(t.rows.map((r) => r.cells));
  });

  it('names a span again on the page it continues on, in every column', () => {
    const out = splitRowSpans(t, [1, 2, 2, 2]);
    expect(out.map((r) => r.map((x) => (x ? `${x.text}/${x.rowSpan ?? 1}` : null)))).toEqual([
      ['甲类/1', '一/1', '共用说明/1'],
      ['甲类/2', '二/1', '共用说明/1'],
      [null, '三/1', '单独/1'],
      ['乙类/1', '四/1', '/1'],
    ]);
    expect(pageStarts([1, 2, 2, 2])).toEqual([1]);
  });
});

describe('columnWidths', () => {
  it('fills the 156 mm type area in proportion to the model widths', () => {
    const w = columnWidths(table([]));
    const typeArea = (156 * 72) / 25.4;
    const used = w.reduce((s, x) => s + x, 0) + 3 * 6 + 4 * 0.5; // padding 3 pt a side, 0.5 pt rules
    expect(used).toBeLessThanOrEqual(typeArea);
    expect(used).toBeGreaterThan(typeArea - 0.05);
    expect(w[1]! / w[0]!).toBeCloseTo(30 / 8, 2);
  });
});

describe('cutAtFirstSpill', () => {
  it('is done when no part spills over a page', () => {
    expect(cutAtFirstSpill([1, 1, 2, 2], [1, 1, 2, 2])).toBeNull();
    expect(cutAtFirstSpill([1, 1, 1], [3, 3, 3])).toBeNull();
  });

  it('cuts the first spilling part where it spills and drops every later cut', () => {
    expect(cutAtFirstSpill([1, 1, 1, 1, 1], [1, 1, 1, 2, 2])).toEqual([1, 1, 1, 2, 2]);
    // A repeated group cell made row 2 taller: it moved to page 2, and the old cut at row 3 must not survive
    // (it would leave row 2 alone on a page and push rows 3–4 to a third one).
    expect(cutAtFirstSpill([1, 1, 1, 2, 2], [1, 1, 2, 3, 3])).toEqual([1, 1, 2, 2, 2]);
    expect(cutAtFirstSpill([1, 2, 2, 2, 3], [1, 2, 2, 3, 4])).toEqual([1, 2, 2, 3, 3]);
  });
});
