// The sheet's pure parts: rows from a plan, columns, keyboard map, moves over category rows, paste/clear plans.
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/renderer/src/lib/sheet/columns';
import { idleCommand, editCommand, type KeyInfo } from '../../src/renderer/src/lib/sheet/keymap';
import {
  copyBlock,
  overflows,
  planClear,
  planPaste,
  type PasteContext,
} from '../../src/renderer/src/lib/sheet/range-ops';
import { buildSheetRows, cellRefAt, toValueChanges, type SheetRow } from '../../src/renderer/src/lib/sheet/rows';
import { moveSelection, collapsed, rangeOf, type Grid } from '../../src/renderer/src/lib/sheet/selection';
import { buildPlanDetail } from './plan-fixture';

const detail = buildPlanDetail();
const rows = buildSheetRows(detail.categories, detail.indicators);
const columns = buildColumns([2021, 2022, 2023, 2024, 2025]);
const grid: Grid = { rows, colCount: columns.length, pageRows: 10 };
const col = (id: string) => columns.findIndex((c) => c.id === id);

const key = (k: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

/** Texts as a map for paste/clear plans; read-only columns show a fixed text. */
function context(texts: Record<string, string> = {}): PasteContext {
  return {
    rows,
    columns,
    textOf: (row: SheetRow, c) => {
      if (row.type !== 'indicator') return '';
      const ref = cellRefAt(row, c);
      if (!ref) return c.kind === 'name' ? row.indicator.name : '';
      return texts[`${ref.indicatorId}/${ref.year}/${ref.kind}`] ?? '';
    },
  };
}

describe('sheet rows and columns', () => {
  it('puts a header row before each category (sortOrder), then its indicators in sortOrder', () => {
    expect(rows.map((r) => (r.type === 'category' ? `[${r.name}]` : r.indicator.seq))).toEqual([
      '[主体活力]',
      '1',
      '2',
      '[质量提升]',
      '3',
    ]);
  });

  it('keeps empty categories and shows orphans last rather than dropping them', () => {
    const r = buildSheetRows(
      [...detail.categories, { id: 99, name: '空类别', sortOrder: 9 }],
      [...detail.indicators, { ...detail.indicators[0]!, id: 77, seq: '77', categoryId: 12345 }],
    );
    expect(r.map((x) => (x.type === 'category' ? `[${x.name ?? '-'}]` : x.indicator.seq))).toEqual([
      '[主体活力]',
      '1',
      '2',
      '[质量提升]',
      '3',
      '[空类别]',
      '[-]',
      '77',
    ]);
  });

  it('has frozen 序号/指标名称, a 目标/实际 pair per year, and only those pairs editable', () => {
    expect(columns.filter((c) => c.sticky).map((c) => c.id)).toEqual(['seq', 'name']);
    expect(columns.filter((c) => c.kind === 'value').map((c) => c.id)).toEqual(
      [2021, 2022, 2023, 2024, 2025].flatMap((y) => [`${y}/target`, `${y}/actual`]),
    );
    expect(columns.at(-2)!.id).toBe('department');
    expect(columns.at(-1)!.id).toBe('remark');
    expect(cellRefAt(rows[1], columns[col('2023/actual')])).toEqual({ indicatorId: 1, year: 2023, kind: 'actual' });
    expect(cellRefAt(rows[1], columns[col('base')])).toBeNull();
    expect(cellRefAt(rows[0], columns[col('2023/actual')])).toBeNull();
  });

  it('turns an action into one change per cell, last text winning', () => {
    const cells = [
      { indicatorId: 1, year: 2023, kind: 'actual' as const, before: '', after: '1' },
      { indicatorId: 1, year: 2023, kind: 'actual' as const, before: '1', after: '2' },
    ];
    expect(toValueChanges(cells, 'after')).toEqual([{ indicatorId: 1, year: 2023, kind: 'actual', text: '2' }]);
    expect(toValueChanges(cells, 'before')).toEqual([{ indicatorId: 1, year: 2023, kind: 'actual', text: '1' }]);
  });
});

describe('keyboard map', () => {
  it('maps Excel keys when no cell is being edited', () => {
    expect(idleCommand(key('ArrowDown'))).toMatchObject({ type: 'move', move: { dRow: 1, dCol: 0, extend: false } });
    expect(idleCommand(key('ArrowRight', { shiftKey: true }))).toMatchObject({ move: { dCol: 1, extend: true } });
    expect(idleCommand(key('ArrowUp', { ctrlKey: true }))).toMatchObject({ move: { toEdge: true } });
    expect(idleCommand(key('Tab'))).toMatchObject({ type: 'move', tab: true, move: { dCol: 1 } });
    expect(idleCommand(key('Tab', { shiftKey: true }))).toMatchObject({ move: { dCol: -1 } });
    expect(idleCommand(key('Enter'))).toEqual({ type: 'enter', up: false });
    expect(idleCommand(key('F2'))).toEqual({ type: 'edit' });
    expect(idleCommand(key('Delete'))).toEqual({ type: 'clear' });
    expect(idleCommand(key('Backspace'))).toEqual({ type: 'clear' });
    expect(idleCommand(key('Alt', { altKey: true, key: 'h', code: 'KeyH' }))).toEqual({ type: 'history' });
    expect(idleCommand(key('a'))).toBeNull();
    expect(idleCommand(key('Process'))).toBeNull();
  });

  it('maps undo and redo with Ctrl or Cmd, whatever case the letter comes in', () => {
    expect(idleCommand(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(idleCommand(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(idleCommand(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(idleCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(idleCommand(key('Z', { metaKey: true, shiftKey: true, code: 'KeyZ' }))).toEqual({ type: 'redo' });
    // Clipboard keys are left to the copy/cut/paste events.
    expect(idleCommand(key('c', { ctrlKey: true }))).toBeNull();
    expect(idleCommand(key('v', { ctrlKey: true }))).toBeNull();
  });

  it('while editing: Enter/Tab commit and move, Esc cancels, arrows commit only when typing replaced the cell', () => {
    expect(editCommand(key('Enter'), 'edit')).toEqual({ type: 'commit', dRow: 1, dCol: 0 });
    expect(editCommand(key('Enter', { shiftKey: true }), 'edit')).toEqual({ type: 'commit', dRow: -1, dCol: 0 });
    expect(editCommand(key('Enter', { altKey: true }), 'edit')).toEqual({ type: 'newline' });
    expect(editCommand(key('Enter', { ctrlKey: true }), 'replace')).toEqual({ type: 'fill' });
    expect(editCommand(key('Tab'), 'replace')).toEqual({ type: 'commit', dRow: 0, dCol: 1, tab: true });
    expect(editCommand(key('Escape'), 'replace')).toEqual({ type: 'cancel' });
    expect(editCommand(key('ArrowDown'), 'replace')).toEqual({ type: 'commit', dRow: 1, dCol: 0 });
    expect(editCommand(key('ArrowLeft'), 'edit')).toBeNull();
    // The input's own undo works on the text being typed.
    expect(editCommand(key('z', { ctrlKey: true }), 'edit')).toBeNull();
  });
});

describe('moving the selection', () => {
  it('steps over category rows going down and up', () => {
    const c = col('2023/actual');
    const down = moveSelection(
      collapsed({ row: 2, col: c }),
      { type: 'step', dRow: 1, dCol: 0, extend: false, toEdge: false },
      grid,
    );
    expect(down.active).toEqual({ row: 4, col: c });
    const up = moveSelection(down, { type: 'step', dRow: -1, dCol: 0, extend: false, toEdge: false }, grid);
    expect(up.active).toEqual({ row: 2, col: c });
    const top = moveSelection(
      collapsed({ row: 1, col: c }),
      { type: 'step', dRow: -1, dCol: 0, extend: false, toEdge: false },
      grid,
    );
    expect(top.active).toEqual({ row: 1, col: c });
  });

  it('extends from the active cell with Shift, and stops at the sheet edges', () => {
    const s = moveSelection(
      collapsed({ row: 1, col: 0 }),
      { type: 'step', dRow: 1, dCol: -1, extend: true, toEdge: false },
      grid,
    );
    expect(s.active).toEqual({ row: 1, col: 0 });
    expect(rangeOf(s)).toEqual({ top: 1, bottom: 2, left: 0, right: 0 });
    const end = moveSelection(s, { type: 'line', end: true, wholeSheet: true, extend: false }, grid);
    expect(end.active).toEqual({ row: 4, col: columns.length - 1 });
  });
});

describe('paste and clear plans', () => {
  it('flows a column of values over the category row onto consecutive indicators', () => {
    const c = col('2023/actual');
    const plan = planPaste([['1'], ['2'], ['3']], { top: 1, bottom: 1, left: c, right: c }, context());
    expect(plan.cells.map((x) => [x.indicatorId, x.after])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
    ]);
    expect(overflows(plan)).toBe(false);
    expect(plan.target).toEqual({ top: 1, bottom: 4, left: c, right: c });
  });

  it('skips read-only columns cell by cell and counts them', () => {
    const plan = planPaste(
      [['x', 'y', '3.5']],
      { top: 1, bottom: 1, left: col('base'), right: col('base') },
      context(),
    );
    expect(plan.skippedReadOnly).toBe(1);
    expect(plan.cells.map((x) => [x.year, x.kind, x.after])).toEqual([
      [2021, 'target', 'y'],
      [2021, 'actual', '3.5'],
    ]);
  });

  it('reports what does not fit instead of cutting it', () => {
    const plan = planPaste(
      [['1', '2', '3', '4']],
      { top: 4, bottom: 4, left: col('2025/actual'), right: col('2025/actual') },
      context(),
    );
    expect(overflows(plan)).toBe(true);
    expect([plan.blockRows, plan.blockCols, plan.fitRows, plan.fitCols]).toEqual([1, 4, 1, 3]);
    const tall = planPaste(
      [['1'], ['2'], ['3']],
      { top: 2, bottom: 2, left: col('2021/target'), right: col('2021/target') },
      context(),
    );
    expect([tall.blockRows, tall.fitRows]).toEqual([3, 2]);
  });

  it('fills a multi-cell selection with a single pasted value, leaving unchanged cells out', () => {
    const c = col('2022/target');
    const plan = planPaste([['≥95']], { top: 1, bottom: 4, left: c, right: c }, context({ '2/2022/target': '≥95' }));
    expect(plan.cells.map((x) => x.indicatorId)).toEqual([1, 3]);
    expect(plan.unchanged).toBe(1);
    expect(overflows(plan)).toBe(false);
  });

  it('copies indicator rows only, and clears only value cells that hold text', () => {
    const texts = { '1/2023/actual': '4.2', '3/2023/actual': '稳步提升' };
    const range = { top: 0, bottom: 4, left: col('name'), right: col('2023/actual') };
    const block = copyBlock({ ...range, left: col('2023/actual') }, context(texts));
    expect(block).toEqual([['4.2'], [''], ['稳步提升']]);
    const clear = planClear(range, context(texts));
    expect(clear.cells.map((x) => [x.indicatorId, x.before, x.after])).toEqual([
      [1, '4.2', ''],
      [3, '稳步提升', ''],
    ]);
    expect(clear.skippedReadOnly).toBe(3);
  });
});
