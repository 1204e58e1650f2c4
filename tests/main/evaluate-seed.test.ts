// The seed plan's 20 indicators judged with test actuals: the rules on real data, not only on synthetic cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { evaluateIndicator } from '../../src/shared/evaluate';
import type { Indicator } from '../../src/shared/model';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
beforeAll(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
});
afterAll(() => ctx.close());

const target = (i: Indicator, year: number) => i.values.find((v) => v.year === year && v.kind === 'target')!.text;

function judge(actualFor: (i: Indicator) => string, year: number) {
  const before = ctx.services.plans.get(planId).indicators;
  ctx.services.indicators.updateValues(
    planId,
    before.map((i) => ({ indicatorId: i.id, year, kind: 'actual', text: actualFor(i) })),
    'test',
  );
  const d = ctx.services.plans.get(planId);
  return d.indicators.map((i) => [i.seq, evaluateIndicator(i, d.plan, year).status]);
}

describe('the seed plan under the evaluation rules', () => {
  it('an actual equal to the published 2022 target is 基本符合预期 for all 20', () => {
    expect(judge((i) => target(i, 2022), 2022)).toEqual(
      Array.from({ length: 20 }, (_, k) => [String(k + 1), 'on_track']),
    );
  });

  it('reaching the 2025 target in 2022 is 提前实现, except the level to keep (13: 3 → 3)', () => {
    const statuses = judge((i) => target(i, 2025), 2022);
    expect(statuses.filter(([, s]) => s !== 'achieved_early')).toEqual([['13', 'on_track']]);
  });

  it('half the 2021 target lags, and 事故率 (20) lags when it rises', () => {
    const statuses = judge((i) => (i.seq === '20' ? '0.5' : String(Number(target(i, 2021)) / 2)), 2021);
    expect(statuses.every(([, s]) => s === 'lagging')).toBe(true);
  });
});
