import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { AppError } from '../../src/shared/errors';
import type { Indicator } from '../../src/shared/model';
import { fixedClock, memoryContext } from '../helpers/db';

let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;
let planId: number;
let ind: (seq: string) => Indicator;

beforeEach(() => {
  clock = fixedClock('2026-01-05T09:00:00.000Z');
  ctx = memoryContext({ clock });
  planId = ctx.services.plans.resolve('十四五');
  ind = (seq) => ctx.services.plans.get(planId).indicators.find((i) => i.seq === seq)!;
});
afterEach(() => ctx.close());

const value = (i: Indicator, year: number, kind: 'target' | 'actual') =>
  i.values.find((v) => v.year === year && v.kind === kind);

describe('updating indicator values', () => {
  it('stores the verbatim text with the parsed number, comparator and decimals', () => {
    const id = ind('1').id;
    const r = ctx.services.indicators.updateValues(
      planId,
      [
        { indicatorId: id, year: 2023, kind: 'actual', text: '3.780' },
        { indicatorId: ind('19').id, year: 2023, kind: 'actual', text: '≥95' },
        { indicatorId: ind('2').id, year: 2023, kind: 'actual', text: '88%以上' },
        { indicatorId: ind('8').id, year: 2023, kind: 'actual', text: '１０，２００' },
      ],
      'clerk-a',
    );
    expect(r.warnings).toEqual([]);
    const v = value(ind('1'), 2023, 'actual')!;
    expect(v).toMatchObject({
      text: '3.780',
      number: 3.78,
      decimals: 3,
      comparator: null,
      evaluable: true,
      updatedBy: 'clerk-a',
      updatedAt: '2026-01-05T09:00:00.000Z',
    });
    expect(value(ind('19'), 2023, 'actual')).toMatchObject({ text: '≥95', number: 95, comparator: '>=' });
    expect(value(ind('2'), 2023, 'actual')).toMatchObject({ text: '88%以上', number: 88, comparator: '>=', unit: '%' });
    expect(value(ind('8'), 2023, 'actual')).toMatchObject({ text: '１０，２００', number: 10200, decimals: 0 });
  });

  it('keeps a text that cannot be evaluated, and says so', () => {
    const id = ind('16').id;
    const r = ctx.services.indicators.updateValues(
      planId,
      [{ indicatorId: id, year: 2024, kind: 'actual', text: '稳步提升' }],
      'x',
    );
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toContain('稳步提升');
    expect(value(ind('16'), 2024, 'actual')).toMatchObject({ text: '稳步提升', number: null, evaluable: false });
  });

  it('writes one change-log entry per changed cell with before and after, and none for unchanged cells', () => {
    const id = ind('1').id;
    const logBefore = ctx.services.changeLog.list({ planId, limit: 1000, offset: 0 }).total;
    ctx.services.indicators.updateValues(planId, [{ indicatorId: id, year: 2021, kind: 'target', text: '3.04' }], 'a');
    clock.set('2026-01-06T10:00:00.000Z');
    ctx.services.indicators.updateValues(
      planId,
      [
        { indicatorId: id, year: 2021, kind: 'target', text: '3.04' },
        { indicatorId: id, year: 2022, kind: 'target', text: '' },
      ],
      'b',
    );
    const page = ctx.services.changeLog.list({ planId, limit: 10, offset: 0 });
    expect(page.total).toBe(logBefore + 2);
    const [cleared, changed] = page.entries;
    expect(changed).toMatchObject({
      op: 'update',
      actor: 'a',
      entity: 'indicator_value',
      entityId: id,
      field: '2021/target',
    });
    expect((changed!.before as { text: string }).text).toBe('3.035');
    expect((changed!.after as { text: string }).text).toBe('3.04');
    expect(cleared).toMatchObject({
      op: 'delete',
      actor: 'b',
      at: '2026-01-06T10:00:00.000Z',
      field: '2022/target',
      after: null,
    });
    expect((cleared!.before as { text: string }).text).toBe('3.49');
    expect(value(ind('1'), 2022, 'target')).toBeUndefined();
  });

  it('applies a batch all or nothing', () => {
    const ok = ind('1').id;
    const before = ctx.services.changeLog.list({ planId, limit: 1, offset: 0 }).total;
    const attempt = () =>
      ctx.services.indicators.updateValues(
        planId,
        [
          { indicatorId: ok, year: 2023, kind: 'actual', text: '4' },
          { indicatorId: 999999, year: 2023, kind: 'actual', text: '5' },
        ],
        'x',
      );
    expect(attempt).toThrow(AppError);
    expect(value(ind('1'), 2023, 'actual')).toBeUndefined();
    expect(ctx.services.changeLog.list({ planId, limit: 1, offset: 0 }).total).toBe(before);
  });

  it('rejects years outside the plan, duplicate cells and unknown plans with Chinese messages', () => {
    const id = ind('1').id;
    expect(() =>
      ctx.services.indicators.updateValues(planId, [{ indicatorId: id, year: 2031, kind: 'actual', text: '1' }], 'x'),
    ).toThrow(/不在规划期/);
    expect(() =>
      ctx.services.indicators.updateValues(
        planId,
        [
          { indicatorId: id, year: 2023, kind: 'actual', text: '1' },
          { indicatorId: id, year: 2023, kind: 'actual', text: '2' },
        ],
        'x',
      ),
    ).toThrow(/重复/);
    expect(() =>
      ctx.services.indicators.updateValues(424242, [{ indicatorId: id, year: 2023, kind: 'actual', text: '1' }], 'x'),
    ).toThrow(/找不到/);
  });

  it('accepts the base year as a year (actuals of 2020 are the base)', () => {
    const id = ind('4').id;
    ctx.services.indicators.updateValues(planId, [{ indicatorId: id, year: 2020, kind: 'actual', text: '35' }], 'x');
    expect(value(ind('4'), 2020, 'actual')?.text).toBe('35');
  });

  it('never drifts: a number read back prints as written', () => {
    const id = ind('9').id;
    ctx.services.indicators.updateValues(planId, [{ indicatorId: id, year: 2023, kind: 'actual', text: '2.2' }], 'x');
    const raw = ctx.db
      .prepare(`SELECT number, decimals FROM indicator_value WHERE indicator_id = ? AND year = 2023`)
      .get(id) as { number: number; decimals: number };
    expect(String(raw.number)).toBe('2.2');
    expect(raw.decimals).toBe(1);
  });
});
