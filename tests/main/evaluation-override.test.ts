import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { buildAnnualTables } from '../../src/main/services/reports/annual';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
let indicatorId: number;
const plan = () => ctx.services.plans.get(planId);

beforeEach(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  indicatorId = plan().indicators[1]!.id;
  ctx.services.indicators.updateValues(planId, [{ indicatorId, year: 2022, kind: 'actual', text: '60' }], 'a');
});
afterEach(() => ctx.close());

describe('a clerk’s override of the computed 评价', () => {
  it('is stored with its reason, logged, shown in the plan and used by the annual submission', () => {
    const o = ctx.services.indicators.setOverride(
      planId,
      indicatorId,
      2022,
      { status: 'on_track', reason: ' 统计口径调整 ' },
      'clerk',
    );
    expect(o).toMatchObject({
      indicatorId,
      year: 2022,
      status: 'on_track',
      reason: '统计口径调整',
      updatedBy: 'clerk',
    });
    expect(plan().overrides).toEqual([o]);
    const log = ctx.services.changeLog.list({ planId, entity: 'evaluation_override', limit: 5, offset: 0 }).entries;
    expect(log[0]).toMatchObject({ op: 'create', field: '2022', before: null, after: { status: 'on_track' } });
    const row = buildAnnualTables(plan(), 2022)[0]!.rows[1]!.cells.map((c) => c?.text);
    expect(row[10]).toBe('基本符合预期（人工调整）');
    expect(row[12]).toContain('统计口径调整');
    // Without it the rules say 滞后 (60 against a 2022 target of 82).
    ctx.services.indicators.setOverride(planId, indicatorId, 2022, null, 'clerk');
    expect(plan().overrides).toEqual([]);
    expect(buildAnnualTables(plan(), 2022)[0]!.rows[1]!.cells[10]!.text).toBe('滞后');
  });

  it('can be reverted like any change', () => {
    ctx.services.indicators.setOverride(planId, indicatorId, 2022, { status: 'ahead', reason: '理由' }, 'clerk');
    const entry = ctx.services.changeLog.list({ planId, limit: 1, offset: 0 }).entries[0]!;
    ctx.services.revert.revert(entry.id, 'other');
    expect(plan().overrides).toEqual([]);
  });

  it('refuses an empty reason, a year outside the plan and another plan’s indicator', () => {
    expect(() =>
      ctx.services.indicators.setOverride(planId, indicatorId, 2022, { status: 'ahead', reason: '  ' }, 'c'),
    ).toThrow(/理由/);
    expect(() =>
      ctx.services.indicators.setOverride(planId, indicatorId, 2030, { status: 'ahead', reason: 'x' }, 'c'),
    ).toThrow(/不在规划期/);
    expect(() =>
      ctx.services.indicators.setOverride(planId, 99999, 2022, { status: 'ahead', reason: 'x' }, 'c'),
    ).toThrow(/不属于/);
    expect(plan().overrides).toEqual([]);
  });
});
