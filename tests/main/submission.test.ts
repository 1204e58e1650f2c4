// 报送: the kept files match their SHA-256 and what was exported, the year's actuals, overrides and progress are
// read-only, unlocking needs a reason and is logged; other years stay editable.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { memoryContext } from '../helpers/db';
import { poppler, tempDir } from '../helpers/xlsx-check';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

let ctx: AppContext;
let planId: number;
const first = () => ctx.services.plans.get(planId).indicators[0]!;
const set = (year: number, text: string) =>
  ctx.services.indicators.updateValues(planId, [{ indicatorId: first().id, year, kind: 'actual', text }], 'clerk');

beforeEach(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  set(2022, '3.1');
});
afterEach(() => ctx.close());

describe('submitting a year', () => {
  it('keeps the annual workbook and PDF byte for byte with their SHA-256', async () => {
    const s = await ctx.services.submissions.submit(planId, 2022, 'clerk');
    expect(s).toMatchObject({ planId, year: 2022, submittedBy: 'clerk', submittedAt: '2026-11-27T08:00:00.000Z' });
    expect(s.files.map((f) => f.format)).toEqual(['xlsx', 'pdf']);
    const dir = tempDir('plandesk-submit-');
    try {
      for (const f of s.files) {
        const kept = ctx.services.submissions.file(planId, 2022, f.format);
        expect(kept.fileName).toBe(f.fileName);
        expect(createHash('sha256').update(kept.bytes).digest('hex')).toBe(f.sha256);
        expect(kept.bytes.length).toBe(f.size);
        fs.writeFileSync(path.join(dir, f.fileName), kept.bytes);
      }
      // Independent readers: the PDF is the 2022 report, the workbook carries the value submitted.
      const pdf = path.join(dir, s.files[1]!.fileName);
      expect(poppler('pdftotext', [pdf, '-']).replace(/\s+/g, '')).toContain('2022年度');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(dir, s.files[0]!.fileName)) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('主要指标')!;
      const texts: string[] = [];
      sheet.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
      expect(texts).toContain('3.1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(ctx.services.plans.get(planId).submissions).toEqual([s]);
  });

  it('makes the year read-only: actuals, overrides and progress refused with a Chinese reason', async () => {
    await ctx.services.submissions.submit(planId, 2022, 'clerk');
    expect(() => set(2022, '3.2')).toThrow(/2022 年已报送.*解锁/);
    expect(() =>
      ctx.services.indicators.setOverride(planId, first().id, 2022, { status: 'on_track', reason: 'x' }, 'clerk'),
    ).toThrow(/已报送/);
    const action = ctx.services.plans.get(planId).actions[0]!;
    expect(() =>
      ctx.services.work.setActionProgress(planId, action.id, { year: 2022, text: '完成', status: 'done' }, 'clerk'),
    ).toThrow(/已报送/);
    // Targets of that year and other years' actuals stay editable.
    set(2023, '3.4');
    ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: first().id, year: 2022, kind: 'target', text: '3.0' }],
      'clerk',
    );
    expect(first().values.find((v) => v.year === 2022 && v.kind === 'actual')!.text).toBe('3.1');
  });

  it('refuses to submit twice, a year outside the plan, or an unknown plan', async () => {
    await ctx.services.submissions.submit(planId, 2022, 'clerk');
    await expect(ctx.services.submissions.submit(planId, 2022, 'clerk')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(ctx.services.submissions.submit(planId, 2019, 'clerk')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(ctx.services.submissions.submit(999, 2022, 'clerk')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => ctx.services.submissions.file(planId, 2023, 'pdf')).toThrow(/没有已报送/);
  });

  it('unlocks only with a reason, logs it, and the year is editable again', async () => {
    await ctx.services.submissions.submit(planId, 2022, 'clerk');
    expect(() => ctx.services.submissions.unlock(planId, 2022, '   ', 'clerk')).toThrow(/理由/);
    expect(() => ctx.services.submissions.unlock(planId, 2023, '更正', 'clerk')).toThrow(/尚未报送/);
    ctx.services.submissions.unlock(planId, 2022, '发改局要求更正', 'clerk');
    const [entry] = ctx.services.changeLog.list({ planId, entity: 'year_submission', limit: 1, offset: 0 }).entries;
    expect(entry).toMatchObject({
      op: 'update',
      field: '2022',
      after: { year: 2022, unlocked: true, reason: '发改局要求更正' },
    });
    expect((entry!.before as { files: unknown[] }).files).toHaveLength(2);
    set(2022, '3.2');
    expect(ctx.services.plans.get(planId).submissions).toEqual([]);
    expect(() => ctx.services.submissions.file(planId, 2022, 'xlsx')).toThrow(/没有已报送/);
    // A reverted value goes through the same lock once the year is submitted again.
    await ctx.services.submissions.submit(planId, 2022, 'clerk');
    const last = ctx.services.changeLog.list({ planId, entity: 'indicator_value', limit: 1, offset: 0 }).entries[0]!;
    expect(() => ctx.services.revert.revert(last.id, 'clerk')).toThrow(/已报送/);
  });
});
