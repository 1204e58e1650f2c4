import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
const plan = () => ctx.services.plans.get(planId);
const latest = () => ctx.services.changeLog.list({ planId, limit: 1, offset: 0 }).entries[0]!;

beforeEach(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
});
afterEach(() => ctx.close());

describe('reverting one logged change', () => {
  it('puts a value back, and the revert is itself logged', () => {
    const ind = plan().indicators[0]!;
    ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: ind.id, year: 2021, kind: 'target', text: '3.1' }],
      'a',
    );
    const change = latest();
    const revert = ctx.services.revert.revert(change.id, 'b');
    expect(revert).toMatchObject({
      actor: 'b',
      field: '2021/target',
      before: { text: '3.1' },
      after: { text: '3.035' },
    });
    expect(plan().indicators[0]!.values.find((v) => v.year === 2021)!.text).toBe('3.035');
    // Reverting a value that was created removes it again.
    ctx.services.indicators.updateValues(planId, [{ indicatorId: ind.id, year: 2023, kind: 'actual', text: '4' }], 'a');
    ctx.services.revert.revert(latest().id, 'b');
    expect(plan().indicators[0]!.values.some((v) => v.year === 2023)).toBe(false);
  });

  it('undoes a definition change, a deletion and a progress entry', () => {
    const ind = plan().indicators[1]!;
    const s = ctx.services.structure;
    s.saveIndicator(
      planId,
      {
        id: ind.id,
        categoryId: ind.categoryId,
        name: '改过的名称',
        unit: null,
        nature: null,
        direction: null,
        targetKind: 'level',
        base: null,
        departmentId: null,
        dataSource: null,
        remark: null,
      },
      'a',
    );
    ctx.services.revert.revert(latest().id, 'b');
    expect(plan().indicators[1]).toMatchObject({ name: ind.name, unit: '%', printedName: ind.printedName });
    s.deleteIndicator(planId, ind.id, 'a');
    ctx.services.revert.revert(latest().id, 'b');
    expect(plan().indicators[1]!.id).toBe(ind.id);
    const action = plan().actions[2]!;
    ctx.services.work.setActionProgress(planId, action.id, { year: 2024, text: '完成', status: 'done' }, 'a');
    ctx.services.revert.revert(latest().id, 'b');
    expect(plan().actions[2]!.progress).toEqual([]);
  });

  it('refuses what cannot be reverted and what is already undone, with Chinese messages', () => {
    const seedEntry = ctx.services.changeLog.list({ planId, entity: 'plan', limit: 1, offset: 0 }).entries[0]!;
    expect(() => ctx.services.revert.revert(seedEntry.id, 'b')).toThrow(/不能自动撤销/);
    expect(() => ctx.services.revert.revert(999999, 'b')).toThrow(/找不到编号为 999999/);
    const ind = plan().indicators[0]!;
    ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: ind.id, year: 2022, kind: 'target', text: '3.5' }],
      'a',
    );
    const change = latest();
    ctx.services.revert.revert(change.id, 'b');
    expect(() => ctx.services.revert.revert(change.id, 'b')).toThrow(/无需撤销/);
  });
});
