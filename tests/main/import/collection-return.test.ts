// Doing a year as a clerk would: three sections return their collection workbooks for 2022, one re-saved by
// LibreOffice and one with mistakes. The good ones import, the bad one is explained cell by cell and imports nothing,
// and the statuses change as the evaluation rules say. Real exceljs, openpyxl, LibreOffice and SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { IncomingFile } from '../../../src/main/services/import-service';
import { evaluateIndicator } from '../../../src/shared/evaluate';
import type { Indicator } from '../../../src/shared/model';
import { memoryContext } from '../../helpers/db';
import { convertWithLibreOffice, tempDir } from '../../helpers/xlsx-check';
import { editWithOpenpyxl } from '../../helpers/xlsx-edit';

let ctx: AppContext;
let planId: number;
let dir: string;
const VALUE = '2022年完成值';
const NOTE = '情况说明';
const SHEET = '2022年度填报表';

const plan = () => ctx.services.plans.get(planId);
const bySeq = (seq: string) => plan().indicators.find((i) => i.seq === seq)!;
const read = (p: string): IncomingFile => ({ name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) });

function assign(seqs: string[], department: string): number {
  const dept = ctx.services.work.saveDepartment({ name: department }, 'setup');
  for (const seq of seqs) {
    const i: Indicator = bySeq(seq);
    ctx.services.structure.saveIndicator(
      planId,
      {
        id: i.id,
        categoryId: i.categoryId,
        name: i.name,
        unit: i.unit,
        nature: i.nature,
        direction: i.direction,
        targetKind: i.targetKind,
        base: i.base ? { text: i.base.text, year: i.base.year, source: i.base.source } : null,
        departmentId: dept.id,
        dataSource: i.dataSource,
        remark: i.remark,
      },
      'setup',
    );
  }
  return dept.id;
}

async function collection(deptId: number, name: string): Promise<string> {
  const { buildCollectionWorkbook } = await import('../../../src/main/services/reports/collection');
  const file = await buildCollectionWorkbook(plan(), 2022, deptId, new Date('2026-11-27T08:00:00Z'));
  const p = path.join(dir, `blank-${name}`);
  fs.writeFileSync(p, file.bytes);
  return p;
}

let registration: number;
let quality: number;
let food: number;
beforeAll(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  dir = tempDir('plandesk-collect-');
  registration = assign(['1', '2', '3'], '登记注册科');
  quality = assign(['10', '11', '12'], '质量发展科');
  food = assign(['18', '19'], '食品安全科');
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('2022 from three sections', () => {
  it('imports the good returns, explains the bad one, and the statuses follow the rules', async () => {
    // 登记注册科 fills in with Excel-like edits (openpyxl).
    const reg = path.join(dir, '登记注册科.xlsx');
    editWithOpenpyxl(await collection(registration, 'reg.xlsx'), reg, [
      { sheet: SHEET, row: bySeq('1').printedName, column: VALUE, value: 4 },
      { sheet: SHEET, row: bySeq('2').printedName, column: VALUE, value: 58 },
      { sheet: SHEET, row: bySeq('3').printedName, column: VALUE, value: 0.7 },
      { sheet: SHEET, row: bySeq('3').printedName, column: NOTE, value: '小微企业统计口径调整' },
    ]);
    // 质量发展科 fills in, then its computer re-saves the file with LibreOffice.
    const qualityFilled = path.join(dir, 'quality-filled.xlsx');
    editWithOpenpyxl(await collection(quality, 'quality.xlsx'), qualityFilled, [
      { sheet: SHEET, row: bySeq('10').printedName, column: VALUE, value: 4 },
      { sheet: SHEET, row: bySeq('11').printedName, column: VALUE, value: '10' },
    ]);
    const loDir = tempDir('plandesk-collect-lo-');
    const [resaved] = convertWithLibreOffice(qualityFilled, 'xlsx:Calc MS Excel 2007 XML', loDir);
    const qual = path.join(dir, '质量发展科.xlsx');
    fs.copyFileSync(resaved!, qual);
    fs.rmSync(loDir, { recursive: true, force: true });
    // 食品安全科 makes mistakes: a formula and a date.
    const foodFile = path.join(dir, '食品安全科.xlsx');
    editWithOpenpyxl(await collection(food, 'food.xlsx'), foodFile, [
      { sheet: SHEET, row: bySeq('18').printedName, column: VALUE, value: { formula: '=4.5*1' } },
      { sheet: SHEET, row: bySeq('19').printedName, column: VALUE, value: { date: '2022-09-01' } },
    ]);

    const files = [read(reg), read(qual), read(foodFile)];
    const p = await ctx.services.imports.preview(planId, files);
    expect(p.files.map((f) => [f.file, f.kind, f.year, f.matched, f.changed, f.rejected])).toEqual([
      ['登记注册科.xlsx', 'collection', 2022, 3, 3, false],
      ['质量发展科.xlsx', 'collection', 2022, 3, 2, false],
      ['食品安全科.xlsx', 'collection', 2022, 2, 0, true],
    ]);
    expect(p.changes.map((c) => [c.seq, c.before, c.after, c.noteAfter, c.cell])).toEqual([
      ['1', null, '4', undefined, expect.stringMatching(/^I\d+$/)],
      ['2', null, '58', undefined, expect.stringMatching(/^I\d+$/)],
      ['3', null, '0.7', '小微企业统计口径调整', expect.stringMatching(/^I\d+$/)],
      ['10', null, '4', undefined, expect.stringMatching(/^I\d+$/)],
      ['11', null, '10', undefined, expect.stringMatching(/^I\d+$/)],
    ]);
    const foodErrors = p.problems.filter((x) => x.file === '食品安全科.xlsx' && x.severity === 'error');
    expect(foodErrors.map((x) => [x.sheet, x.cell, x.message])).toEqual([
      [SHEET, expect.stringMatching(/^I\d+$/), expect.stringMatching(/食品安全抽检监测数.*公式/)],
      [SHEET, expect.stringMatching(/^I\d+$/), expect.stringMatching(/公众食品药品安全满意度.*日期（2022-09-01）/)],
      [null, null, expect.stringMatching(/2 处错误.*整份文件未导入/)],
    ]);

    const r = await ctx.services.imports.apply(planId, files, p.token, 'clerk');
    expect(r.applied).toBe(5);
    const actual = (seq: string) => bySeq(seq).values.find((v) => v.year === 2022 && v.kind === 'actual');
    expect(actual('3')).toMatchObject({ text: '0.7', note: '小微企业统计口径调整' });
    expect(actual('18')).toBeUndefined();

    // Statuses by DOMAIN.md §4, worked out by hand for 2022 (序时进度 2/5 = 40%, tolerance 5 points):
    // 1 在册市场主体总量: base 2.6336 (2020) → 2025 target 5.05. 完成进度 (4 − 2.6336)/(5.05 − 2.6336) = 56.5%,
    // above 序时进度 40% + 5 points → 快于预期.
    const status = (seq: string) => evaluateIndicator(bySeq(seq), plan().plan, 2022).status;
    expect(status('1')).toBe('ahead');
    // 18 stays without data: its file was refused.
    expect(status('18')).toBe('no_data');

    // The same three files again: nothing more to write.
    const again = await ctx.services.imports.preview(planId, files);
    expect(again.changes).toEqual([]);
  });
});
