import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import type { IndicatorDefinition } from '../../src/shared/api';
import type { PlanDetail } from '../../src/shared/model';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
const plan = (): PlanDetail => ctx.services.plans.get(planId);
const bySeq = (seq: string) => plan().indicators.find((i) => i.seq === seq)!;
const s = () => ctx.services.structure;

beforeEach(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
});
afterEach(() => ctx.close());

const definition = (over: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  categoryId: plan().categories[0]!.id,
  name: '新设个体工商户',
  unit: '户',
  nature: 'expected',
  direction: 'increase',
  targetKind: 'cumulative',
  base: { text: '1,200', year: 2020, source: '统计年报' },
  departmentId: null,
  dataSource: '登记注册系统',
  remark: null,
  ...over,
});

describe('indicator definitions', () => {
  it('creates an indicator at the end of its category and renumbers 序号 across the plan', () => {
    const created = s().saveIndicator(planId, definition(), 'a');
    expect(created).toMatchObject({
      seq: '7',
      printedName: '新设个体工商户（户）',
      unit: '户',
      targetKind: 'cumulative',
    });
    expect(created.base).toMatchObject({ text: '1,200', number: 1200, year: 2020, source: '统计年报' });
    expect(plan().indicators.map((i) => i.seq)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(bySeq('8').name).toBe('每万人高价值发明专利拥有量');
  });

  it('updates a definition, logging before and after', () => {
    const ind = bySeq('19');
    s().saveIndicator(
      planId,
      { ...definition({ categoryId: ind.categoryId, name: ind.name, unit: '%', nature: 'binding' }), id: ind.id },
      'b',
    );
    expect(bySeq('19')).toMatchObject({ printedName: '公众食品药品安全满意度（%）', nature: 'binding', unit: '%' });
    const log = ctx.services.changeLog.list({ planId, entity: 'indicator', entityId: ind.id, limit: 5, offset: 0 });
    expect(log.entries[0]).toMatchObject({
      op: 'update',
      actor: 'b',
      before: { unit: null, nature: null },
      after: { unit: '%', nature: 'binding' },
    });
  });

  it('deletes an indicator with its values and restores both (undo)', () => {
    const ind = bySeq('5');
    ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: ind.id, year: 2023, kind: 'actual', text: '77' }],
      'a',
    );
    s().deleteIndicator(planId, ind.id, 'a');
    expect(plan().indicators).toHaveLength(19);
    expect(bySeq('5').name).toBe('双随机跨部门监管率');
    const back = s().restoreIndicator(planId, ind.id, 'a');
    expect(back.id).toBe(ind.id);
    expect(back.seq).toBe('5');
    expect(back.values.map((v) => `${v.year}/${v.kind}=${v.text}`).sort()).toEqual([
      '2021/target=60',
      '2022/target=65',
      '2023/actual=77',
      '2025/target=80',
    ]);
    expect(() => s().restoreIndicator(planId, ind.id, 'a')).toThrow(/已经恢复/);
  });

  it('moves an indicator within and across categories', () => {
    const ind = bySeq('3');
    s().moveIndicator(planId, ind.id, ind.categoryId, 0, 'a');
    expect(
      plan()
        .indicators.slice(0, 3)
        .map((i) => i.name),
    ).toEqual(['在册小微企业数量', '在册市场主体总量', '公司制企业占企业总数比重']);
    const last = plan().categories.at(-1)!;
    s().moveIndicator(planId, ind.id, last.id, 99, 'a');
    const moved = plan().indicators.find((i) => i.id === ind.id)!;
    expect(moved).toMatchObject({ categoryId: last.id, seq: '20' });
    expect(bySeq('1').name).toBe('在册市场主体总量');
  });

  it('manages categories: add, rename, refuse to delete a non-empty one, delete an empty one, reorder', () => {
    const c = s().saveCategory(planId, { name: '信用监管' }, 'a');
    expect(plan().categories.at(-1)).toMatchObject({ id: c.id, name: '信用监管' });
    expect(() => s().saveCategory(planId, { name: '主体活力' }, 'a')).toThrow(/已经存在/);
    s().saveCategory(planId, { id: c.id, name: '信用' }, 'a');
    expect(() => s().deleteCategory(planId, plan().categories[0]!.id, 'a')).toThrow(/还有 6 项指标/);
    s().moveCategory(planId, plan().categories.find((x) => x.name === '安全监管')!.id, 0, 'a');
    expect(plan().categories.map((x) => x.name)[0]).toBe('安全监管');
    expect(bySeq('1').name).toBe('食品安全抽检监测数');
    s().deleteCategory(planId, c.id, 'a');
    expect(plan().categories.map((x) => x.name)).not.toContain('信用');
  });

  it('rejects unknown categories, departments and other plans’ ids', () => {
    expect(() => s().saveIndicator(planId, definition({ categoryId: 9999 }), 'a')).toThrow(/找不到该类别/);
    expect(() => s().saveIndicator(planId, definition({ departmentId: 9999 }), 'a')).toThrow(/科室已不存在/);
    expect(() => s().deleteIndicator(planId, 9999, 'a')).toThrow(/找不到该指标/);
    expect(() => s().moveIndicator(planId, bySeq('1').id, 9999, 0, 'a')).toThrow(/找不到该类别/);
  });
});
