// Importing returned workbooks: round trips through second writers (openpyxl, LibreOffice), conflicts between files,
// the preview/confirm contract, and every kind of wrong file. Real exceljs, real SQLite, real second writers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { IncomingFile } from '../../../src/main/services/import-service';
import { memoryContext } from '../../helpers/db';
import { editWithOpenpyxl, encryptWorkbook, type CellEdit } from '../../helpers/xlsx-edit';
import { convertWithLibreOffice, tempDir } from '../../helpers/xlsx-check';

let ctx: AppContext;
let planId: number;
let dir: string;
let annual: string;

const ind = (seq: string) => ctx.services.plans.get(planId).indicators.find((i) => i.seq === seq)!;
const actual = (seq: string, year = 2022) => ind(seq).values.find((v) => v.year === year && v.kind === 'actual');
const file = (p: string, name = path.basename(p)): IncomingFile => ({
  name,
  bytes: new Uint8Array(fs.readFileSync(p)),
});
const logCount = () => ctx.repos.changeLog.list({ planId, limit: 1, offset: 0 }).total;
const VALUE = '当年完成值';
const NOTE = '备注（情况说明）';

/** The annual workbook as exported now, edited by openpyxl. */
async function edited(name: string, edits: CellEdit[]): Promise<string> {
  const from = path.join(dir, `base-${name}`);
  fs.writeFileSync(from, (await ctx.services.reports.exportAnnual(planId, 2022, 'xlsx')).bytes);
  const out = path.join(dir, name);
  editWithOpenpyxl(from, out, edits);
  return out;
}

beforeAll(async () => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  dir = tempDir('plandesk-import-');
  ctx.services.indicators.updateValues(
    planId,
    [
      { indicatorId: ind('1').id, year: 2022, kind: 'actual', text: '2.95' },
      { indicatorId: ind('2').id, year: 2022, kind: 'actual', text: '60', note: '统计口径调整' },
      { indicatorId: ind('8').id, year: 2022, kind: 'actual', text: '9120' },
    ],
    'test',
  );
  annual = path.join(dir, 'annual-2022.xlsx');
  fs.writeFileSync(annual, (await ctx.services.reports.exportAnnual(planId, 2022, 'xlsx')).bytes);
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the annual workbook read back', () => {
  it('changes nothing when imported as exported', async () => {
    const p = await ctx.services.imports.preview(planId, [file(annual)]);
    expect(p.files).toEqual([
      expect.objectContaining({ kind: 'annual', year: 2022, matched: 20, changed: 0, unchanged: 3, rejected: false }),
    ]);
    expect(p.changes).toEqual([]);
    expect(p.conflicts).toEqual([]);
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('finds exactly the cells openpyxl changed, writes them on confirmation, and nothing the second time', async () => {
    const name3 = ind('3').printedName;
    const f = await edited('openpyxl.xlsx', [
      { sheet: '主要指标', row: name3, column: VALUE, value: 0.72 },
      { sheet: '主要指标', row: ind('1').printedName, column: VALUE, value: 3.01 },
      { sheet: '主要指标', row: ind('14').printedName, column: VALUE, value: '≥96' },
      { sheet: '主要指标', row: ind('8').printedName, column: NOTE, value: '含集体商标' },
    ]);
    const before = logCount();
    const p = await ctx.services.imports.preview(planId, [file(f)]);
    expect(logCount()).toBe(before); // a preview writes nothing
    const summary = p.changes.map((c) => [c.seq, c.before, c.after, c.noteBefore, c.noteAfter, c.sheet, c.cell]);
    expect(summary).toEqual([
      ['1', '2.95', '3.01', undefined, undefined, '主要指标', expect.stringMatching(/^G\d+$/)],
      ['3', null, '0.72', undefined, undefined, '主要指标', expect.stringMatching(/^G\d+$/)],
      ['8', '9120', '9120', null, '含集体商标', '主要指标', expect.stringMatching(/^G\d+$/)],
      ['14', null, '≥96', undefined, undefined, '主要指标', expect.stringMatching(/^G\d+$/)],
    ]);
    expect(actual('3')).toBeUndefined();

    const r = await ctx.services.imports.apply(planId, [file(f)], p.token, 'tester');
    expect(r).toEqual({ applied: 4, logged: 4 });
    expect(actual('1')!.text).toBe('3.01');
    expect(actual('3')!.text).toBe('0.72');
    expect(actual('14')).toMatchObject({ text: '≥96', comparator: '>=', number: 96 });
    expect(actual('8')).toMatchObject({ text: '9120', note: '含集体商标' });
    expect(actual('2')).toMatchObject({ text: '60', note: '统计口径调整' }); // untouched
    const log = ctx.repos.changeLog.list({ planId, entity: 'indicator_value', limit: 4, offset: 0 }).entries;
    expect(log.map((e) => e.source)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^openpyxl\.xlsx · 主要指标!G\d+$/)]),
    );
    expect(log.every((e) => e.source?.startsWith('openpyxl.xlsx'))).toBe(true);

    const again = await ctx.services.imports.preview(planId, [file(f)]);
    expect(again.changes).toEqual([]);
    expect(await ctx.services.imports.apply(planId, [file(f)], again.token, 'tester')).toEqual({
      applied: 0,
      logged: 0,
    });
  });

  it('reads a LibreOffice re-save of the same file as the same values', async () => {
    const out = tempDir('plandesk-import-lo-');
    try {
      const src = await edited('lo-src.xlsx', [
        { sheet: '主要指标', row: ind('13').printedName, column: VALUE, value: 4 },
      ]);
      const [resaved] = convertWithLibreOffice(src, 'xlsx:Calc MS Excel 2007 XML', out);
      const p = await ctx.services.imports.preview(planId, [file(resaved!, 'LibreOffice另存.xlsx')]);
      expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
      expect(p.changes.map((c) => [c.seq, c.before, c.after])).toEqual([['13', null, '4']]);
      expect(p.files[0]).toMatchObject({ kind: 'annual', year: 2022, matched: 20, changed: 1 });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads numbers as the sheet shows them: 0.97 formatted 0% is 97 for a % indicator, 0.5 as 0.50', async () => {
    const src = await edited('percent.xlsx', [
      { sheet: '主要指标', row: ind('4').printedName, column: VALUE, value: { number: 0.97, format: '0%' } },
      { sheet: '主要指标', row: ind('7').printedName, column: VALUE, value: { number: 0.5, format: '0.00' } },
      { sheet: '主要指标', row: ind('9').printedName, column: VALUE, value: { number: 0.1 + 0.2, format: 'General' } },
    ]);
    const p = await ctx.services.imports.preview(planId, [file(src)]);
    expect(p.changes.map((c) => [c.seq, c.after])).toEqual([
      ['4', '97'],
      ['7', '0.50'],
      ['9', '0.3'],
    ]);
  });
});

describe('several files at once', () => {
  it('lists files that disagree on a cell as a conflict and imports the rest', async () => {
    const a = await edited('科室甲.xlsx', [
      { sheet: '主要指标', row: ind('16').printedName, column: VALUE, value: 5 },
      { sheet: '主要指标', row: ind('17').printedName, column: VALUE, value: 120 },
    ]);
    const b = await edited('科室乙.xlsx', [
      { sheet: '主要指标', row: ind('16').printedName, column: VALUE, value: 6 },
      { sheet: '主要指标', row: ind('17').printedName, column: VALUE, value: '120' },
    ]);
    const p = await ctx.services.imports.preview(planId, [file(a), file(b)]);
    expect(p.conflicts.map((c) => [c.seq, c.values.map((v) => [v.file, v.text])])).toEqual([
      [
        '16',
        [
          ['科室甲.xlsx', '5'],
          ['科室乙.xlsx', '6'],
        ],
      ],
    ]);
    expect(p.changes.map((c) => [c.seq, c.after, c.file])).toEqual([['17', '120', '科室甲.xlsx']]);
    await ctx.services.imports.apply(planId, [file(a), file(b)], p.token, 'tester');
    expect(actual('16')).toBeUndefined();
    expect(actual('17')!.text).toBe('120');
  });

  it('refuses a stale preview: someone changed a value in between', async () => {
    const f = await edited('stale.xlsx', [
      { sheet: '主要指标', row: ind('18').printedName, column: VALUE, value: 4.5 },
    ]);
    const p = await ctx.services.imports.preview(planId, [file(f)]);
    ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: ind('18').id, year: 2022, kind: 'actual', text: '4.1' }],
      'x',
    );
    const before = logCount();
    await expect(ctx.services.imports.apply(planId, [file(f)], p.token, 'tester')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/重新预览/),
    });
    expect(logCount()).toBe(before);
    expect(actual('18')!.text).toBe('4.1');
  });
});

describe('wrong files: a clear message and nothing written', () => {
  const cases: [string, () => Promise<string> | string, RegExp][] = [
    ['an empty file', () => write('空.xlsx', Buffer.alloc(0)), /空的/],
    [
      'random bytes',
      () => write('乱码.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
      /不是 Excel/,
    ],
    ['a truncated download', () => write('半截.xlsx', fs.readFileSync(annual).subarray(0, 6000)), /损坏/],
    [
      'a CSV renamed to .xlsx',
      () => write('表.xlsx', Buffer.from('序号,指标名称,2022年完成值\n1,在册市场主体总量,3\n')),
      /CSV/,
    ],
    [
      'a PDF renamed to .xlsx',
      async () => write('报表.xlsx', (await ctx.services.reports.exportAnnual(planId, 2022, 'pdf')).bytes),
      /PDF/,
    ],
    ['a legacy .xls', () => legacyXls(), /旧版 Excel/],
    ['an encrypted workbook', () => encrypted(), /密码/],
    [
      'another table (the plan appendix)',
      async () => write('附件1.xlsx', (await ctx.services.reports.exportAppendix(planId, '1', 'xlsx')).bytes),
      /没有找到/,
    ],
    [
      'a formula where a value belongs',
      () =>
        edited('公式.xlsx', [
          { sheet: '主要指标', row: ind('19').printedName, column: VALUE, value: { formula: '=1+2' } },
        ]),
      /公式.*选择性粘贴/,
    ],
    [
      'a date where a number belongs',
      () =>
        edited('日期.xlsx', [
          { sheet: '主要指标', row: ind('19').printedName, column: VALUE, value: { date: '2022-03-05' } },
        ]),
      /日期.*2022-03-05/,
    ],
    [
      'an indicator the plan does not have',
      () =>
        edited('多一行.xlsx', [
          {
            sheet: '主要指标',
            row: ind('19').printedName,
            column: '指标名称（单位）',
            value: '网络交易投诉处理率（%）',
          },
        ]),
      /找不到/,
    ],
    ['a zip bomb', () => zipBomb(), /压缩炸弹|过大/],
  ];

  function write(name: string, bytes: Uint8Array): string {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  }
  function legacyXls(): string {
    const out = tempDir('plandesk-import-xls-');
    const [xls] = convertWithLibreOffice(annual, 'xls', out);
    return write('旧版.xlsx', fs.readFileSync(xls!));
  }
  function encrypted(): string {
    return write('加密.xlsx', encryptWorkbook(fs.readFileSync(annual), 'secret'));
  }
  async function zipBomb(): Promise<string> {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(60 * 1024 * 1024));
    return write('炸弹.xlsx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  }

  it.each(cases)('%s', async (_label, make, message) => {
    const p = await make();
    const before = logCount();
    const preview = await ctx.services.imports.preview(planId, [file(p)]);
    expect(preview.files[0]!.rejected).toBe(true);
    expect(preview.changes).toEqual([]);
    const errors = preview.problems.filter((x) => x.severity === 'error');
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(errors.every((e) => e.file === path.basename(p))).toBe(true);
    await ctx.services.imports.apply(planId, [file(p)], preview.token, 'tester');
    expect(logCount()).toBe(before);
  });

  it('a file with one mistake imports nothing from that file, and says where the mistake is', async () => {
    const f = await edited('一处错误.xlsx', [
      { sheet: '主要指标', row: ind('19').printedName, column: VALUE, value: 92 },
      { sheet: '主要指标', row: ind('20').printedName, column: VALUE, value: { formula: '=0.1*2' } },
    ]);
    const p = await ctx.services.imports.preview(planId, [file(f)]);
    expect(p.changes).toEqual([]);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '主要指标', cell: expect.stringMatching(/^G\d+$/), severity: 'error' }),
        expect.objectContaining({ message: expect.stringMatching(/整份文件未导入/) }),
      ]),
    );
  });
});
