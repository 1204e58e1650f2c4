// 年度完成情况表: the tables built for a year, rendered to xlsx and read back, and the CLI command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';
import type { AppContext } from '../../src/main/context';
import { buildAnnualTables } from '../../src/main/services/reports/annual';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-annual-'));

beforeAll(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  const d = ctx.services.plans.get(planId);
  const ind = (seq: string) => d.indicators.find((i) => i.seq === seq)!.id;
  ctx.services.indicators.updateValues(
    planId,
    [
      { indicatorId: ind('1'), year: 2022, kind: 'actual', text: '3.52' },
      { indicatorId: ind('2'), year: 2022, kind: 'actual', text: '60', note: '统计口径调整' },
      { indicatorId: ind('13'), year: 2022, kind: 'actual', text: '3' },
    ],
    'test',
  );
  ctx.services.work.setActionProgress(
    planId,
    d.actions[0]!.id,
    { year: 2022, text: '新增市场主体4,521户', status: 'in_progress' },
    'test',
  );
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cellTexts = (row: { cells: ({ text: string } | null)[] }) => row.cells.map((c) => c?.text ?? null);

describe('annual submission for 2022', () => {
  it('judges each indicator with the evaluation rules and keeps the clerk’s explanation', () => {
    const [indicators, actions, tasks] = buildAnnualTables(ctx.services.plans.get(planId), 2022);
    expect(indicators!.header[0]!.map((c) => c!.text)).toEqual([
      '类别',
      '序号',
      '指标名称（单位）',
      '属性',
      '基期值',
      '当年目标值',
      '当年完成值',
      '规划目标值',
      '完成进度',
      '序时进度',
      '评价',
      '责任科室',
      '备注（情况说明）',
    ]);
    const row = (seq: string) => cellTexts(indicators!.rows.find((r) => r.cells[1]!.text === seq)!);
    // Indicator 1: base 2.6336, 2025 target 5.05, 2022 actual 3.52 → 36.7% against 序时进度 40%: within the band.
    expect(row('1')).toEqual([
      '主体活力',
      '1',
      '在册市场主体总量（万户）',
      '',
      '2.6336',
      '3.49',
      '3.52',
      '5.05',
      '36.7%',
      '40.0%',
      '基本符合预期',
      '',
      '',
    ]);
    expect(row('2').slice(6, 13)).toEqual(['60', '84', '', '40.0%', '滞后', '', '统计口径调整']);
    expect(row('13')[10]).toBe('基本符合预期');
    expect(row('20')[10]).toBe('无数据');
    expect(actions!.rows[0]!.cells.map((c) => c?.text)).toEqual([
      '1',
      '市场主体倍增行动',
      expect.stringContaining('15%以上'),
      '新增市场主体4,521户',
      '推进中',
      '',
    ]);
    expect(tasks!.rows).toHaveLength(23);
    expect(tasks!.rows[0]!.cells[0]!.text).toBe('一.1');
  });

  it('exports a workbook of three sheets that reads back with the figures', async () => {
    const file = await ctx.services.reports.exportAnnual(planId, 2022, 'xlsx');
    expect(file.fileName).toMatch(/^十四五_2022年度完成情况表_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['主要指标', '十大行动', '主要任务']);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(c.text)));
    for (const t of ['3.52', '36.7%', '基本符合预期', '滞后', '统计口径调整']) expect(texts).toContain(t);
  });

  it('from the command line, and refuses a year outside the plan', async () => {
    const db = path.join(dir, 'a.db');
    const out = path.join(dir, 'annual.pdf');
    const io = { out: () => undefined, err: (s: string) => errors.push(s) };
    const errors: string[] = [];
    expect(
      await main(
        ['--db', db, 'export', 'annual', '--plan', '十四五', '--year', '2022', '--format', 'pdf', '--out', out],
        io,
      ),
    ).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await main(
        ['--db', db, 'export', 'annual', '--plan', '十四五', '--year', '2031', '--format', 'pdf', '--out', out],
        io,
      ),
    ).toBe(1);
    expect(
      await main(
        ['--db', db, 'export', 'annual', '--plan', '十四五', '--year', '22', '--format', 'pdf', '--out', out],
        io,
      ),
    ).toBe(2);
    expect(errors.join('\n')).toMatch(/不在规划期[\s\S]*四位数年份/);
  }, 60_000);
});
