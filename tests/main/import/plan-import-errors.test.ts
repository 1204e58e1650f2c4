// Plan import, bad input: files that are not workbooks, a workbook without an indicator table, a short name already
// taken, a stale preview, rows in no category, an empty name with values, a repeated 序号, a table without categories
// or without a title. Nothing is written unless the preview is clean and unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import { AppError } from '../../../src/shared/errors';
import { memoryContext } from '../../helpers/db';
import { buildWithExcelJS, input, planImporter, sheetTexts, type Cell } from './plan-import-helpers';

let ctx: AppContext;
beforeAll(() => {
  ctx = memoryContext();
});
afterAll(() => ctx.close());

const HEADER: Cell[] = ['类别', '序号', '指标名称', '2020年基期值', '2025年目标值'];
const TITLE = '磐安县市场监督管理“十五五”规划主要指标（2026-2030年）';
const table = (rows: Cell[][], header: Cell[] = ['类别', '序号', '指标名称', '2025年基期值', '2030年目标值']) =>
  buildWithExcelJS([{ name: '附件1', rows: [['附件1'], [TITLE], header, ...rows] }]);
const planCount = () => ctx.services.plans.list().length;
const logCount = () => ctx.repos.changeLog.list({ limit: 1, offset: 0 }).total;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('files that cannot be a plan', () => {
  it('refuses what is not a workbook with readWorkbook’s own words', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('%PDF-1.7\n…'), /这是 PDF 文件/],
      [new TextEncoder().encode('类别,序号,指标名称\n主体活力,1,市场主体\n'), /这是文本文件（可能是 CSV）/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /旧版 Excel（\.xls）/],
      [new Uint8Array(0), /文件是空的/],
    ];
    for (const [bytes, message] of cases) {
      const e = await refusal(planImporter(ctx).preview(input('规划.xlsx', bytes)));
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(/^规划\.xlsx：/);
      expect(e.message).toMatch(message);
    }
  });

  it('says so when a workbook has no indicator table, or a header with nothing under it', async () => {
    const notes = await buildWithExcelJS([{ name: '说明', rows: [['十五五规划编制说明'], ['一、指导思想']] }]);
    const e = await refusal(planImporter(ctx).preview(input('说明.xlsx', notes)));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('没有找到规划指标表');
    expect(e.message).toContain('指标名称');
    const empty = await table([]);
    expect((await refusal(planImporter(ctx).preview(input('空表.xlsx', empty)))).message).toContain(
      '表头下面没有读到任何指标',
    );
  });

  it('says what is missing when no year can be told', async () => {
    const bytes = await buildWithExcelJS([
      { name: 'S', rows: [['主要指标'], ['类别', '指标名称', '目标值'], ['主体活力', '市场主体', '3']] },
    ]);
    const e = await refusal(planImporter(ctx).preview(input('无年份.xlsx', bytes)));
    expect(e.message).toContain('无法确定规划期');
  });
});

describe('the preview guards the write', () => {
  it('a short name already taken: an error in the preview, CONFLICT on apply, nothing written', async () => {
    const bytes = await table([['主体活力', '1', '市场主体（万户）', 3, 3.5]]);
    const service = planImporter(ctx);
    const p = await service.preview(input('十四五.xlsx', bytes, { title: '磐安县市场监督管理“十四五”规划（修订）' }));
    expect(p.plan.shortName).toBe('十五五');
    const dup = await service.preview(input('十四五.xlsx', bytes, { shortName: '十四五' }));
    expect(dup.problems).toEqual([
      {
        file: '十四五.xlsx',
        sheet: null,
        cell: null,
        severity: 'error',
        message: expect.stringContaining('已有简称为“十四五”的规划'),
      },
    ]);
    const [plans, log] = [planCount(), logCount()];
    const e = await refusal(service.apply(input('十四五.xlsx', bytes, { shortName: '十四五' }), dup.token, 'tester'));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('已有简称为“十四五”的规划');
    expect([planCount(), logCount()]).toEqual([plans, log]);
  });

  it('a stale token (other options, other bytes, or made up) is refused with CONFLICT', async () => {
    const rows: Cell[][] = [['主体活力', '1', '市场主体（万户）', 3, 3.5]];
    const bytes = await table(rows);
    const service = planImporter(ctx);
    const p = await service.preview(input('a.xlsx', bytes, { shortName: '十五五甲' }));
    expect(p.problems).toEqual([]);
    const changed = await table([['主体活力', '1', '市场主体（万户）', 3, 3.6]]);
    const tries = [
      service.apply(input('a.xlsx', bytes, { shortName: '十五五乙' }), p.token, 'tester'),
      service.apply(input('a.xlsx', bytes, { shortName: '十五五甲', title: '另一个名称' }), p.token, 'tester'),
      service.apply(input('a.xlsx', changed, { shortName: '十五五甲' }), p.token, 'tester'),
      service.apply(input('a.xlsx', bytes, { shortName: '十五五甲' }), '0'.repeat(64), 'tester'),
    ];
    const [plans, log] = [planCount(), logCount()];
    for (const t of tries) {
      const e = await refusal(t);
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('请重新预览');
    }
    expect([planCount(), logCount()]).toEqual([plans, log]);
    // the preview's own token still works, once
    const s = await service.apply(input('a.xlsx', bytes, { shortName: '十五五甲' }), p.token, 'tester');
    expect(s).toMatchObject({ shortName: '十五五甲', firstYear: 2026, lastYear: 2030, indicatorCount: 1 });
    expect(
      (await refusal(service.apply(input('a.xlsx', bytes, { shortName: '十五五甲' }), p.token, 'tester'))).code,
    ).toBe('CONFLICT');
  });
});

describe('rows with mistakes', () => {
  it('names in no category and an empty name with values are errors by cell; apply creates nothing', async () => {
    const bytes = await table([
      [null, '1', '市场主体（万户）', 3, 3.5],
      ['主体活力', '2', '小微企业（万户）', 0.6, 0.8],
      [null, '3', null, 60, 70],
      [null, '4', '公司制企业占比（%）', 80, 84],
    ]);
    const service = planImporter(ctx);
    const p = await service.preview(input('错.xlsx', bytes, { shortName: '错表' }));
    expect(p.problems.map((x) => [x.severity, x.sheet, x.cell])).toEqual([
      ['error', '附件1', 'B6'],
      ['error', '附件1', 'C4'],
    ]);
    expect(p.problems[0]!.message).toContain('第 6 行有内容（3、60、70）但没有指标名称');
    expect(p.problems[1]!.message).toContain('第 4 行的指标“市场主体（万户）”不属于任何类别');
    expect(p.categories).toEqual([
      { name: '主体活力', indicators: [expect.objectContaining({ seq: '2' }), expect.objectContaining({ seq: '4' })] },
    ]);
    const [plans, log] = [planCount(), logCount()];
    const e = await refusal(service.apply(input('错.xlsx', bytes, { shortName: '错表' }), p.token, 'tester'));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('文件中有 2 处错误');
    expect([planCount(), logCount()]).toEqual([plans, log]);
  });

  it('a repeated 序号 is a warning; the second one gets a suffix so each stays unique', async () => {
    const bytes = await table([
      ['主体活力', '1', '市场主体（万户）', 3, 3.5],
      [null, '2', '小微企业（万户）', 0.6, 0.8],
      ['质量提升', '1', '品字标企业（家）', 10, 20],
    ]);
    const service = planImporter(ctx);
    const p = await service.preview(input('重号.xlsx', bytes, { shortName: '重号' }));
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        cell: 'B6',
        message: expect.stringContaining('序号“1”重复（另见 B4）'),
      }),
    ]);
    const s = await service.apply(input('重号.xlsx', bytes, { shortName: '重号' }), p.token, 'tester');
    expect(ctx.services.plans.get(s.id).indicators.map((i) => i.seq)).toEqual(['1', '2', '1-2']);
  });

  it('a table without categories goes into one category, printed without category rows', async () => {
    const bytes = await buildWithExcelJS([
      {
        name: 'S',
        rows: [[TITLE], ['序号', '指标名称', '2030年'], ['1', '市场主体（万户）', 3.5], ['2', '小微企业（万户）', 0.8]],
      },
    ]);
    const service = planImporter(ctx);
    const p = await service.preview(input('无类别.xlsx', bytes, { shortName: '无类别' }));
    expect(p.problems.map((x) => [x.severity, x.message])).toEqual([
      ['warning', expect.stringContaining('表中没有类别')],
    ]);
    expect(p.plan.layout.categories).toBe('none');
    const s = await service.apply(input('无类别.xlsx', bytes, { shortName: '无类别' }), p.token, 'tester');
    expect(ctx.services.plans.get(s.id).categories.map((c) => c.name)).toEqual(['主要指标']);
    const out = await sheetTexts((await ctx.services.reports.exportAppendix(s.id, '1', 'xlsx')).bytes);
    expect(out.slice(2)).toEqual([
      ['序号', '指标名称', '2030年'],
      ['1', '市场主体（万户）', '3.5'],
      ['2', '小微企业（万户）', '0.8'],
    ]);
  });

  it('a table without a title asks for the plan’s name; given one, it imports', async () => {
    const bytes = await buildWithExcelJS([
      { name: 'S', rows: [HEADER, ['主体活力', '1', '市场主体（万户）', 2.6, 3.5]] },
    ]);
    const service = planImporter(ctx);
    const p = await service.preview(input('无标题.xlsx', bytes, { shortName: '无标题' }));
    expect(p.problems.map((x) => [x.severity, x.message])).toEqual([
      ['error', expect.stringContaining('没有标题行，无法得知规划名称')],
    ]);
    const named = await service.preview(
      input('无标题.xlsx', bytes, { shortName: '无标题', title: '某县市场监管规划' }),
    );
    expect(named.problems).toEqual([]);
    expect(named.plan).toMatchObject({
      title: '某县市场监管规划',
      firstYear: 2021,
      lastYear: 2025,
      appendix: { label: '附件1', title: '某县市场监管规划主要目标指标（2021-2025年）' },
    });
  });
});
