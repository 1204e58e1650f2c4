import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { CHANNELS } from '../../src/shared/api';
import type { PlanDetail, PlanSummary } from '../../src/shared/model';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
const logged: unknown[] = [];
const log = (m: string, e?: unknown) => logged.push([m, e]);
const call = (channel: unknown, args: unknown) => dispatch(handlers, ctx, channel, args, log);

beforeAll(() => (ctx = memoryContext()));
afterAll(() => ctx.close());

describe('dispatch over the contract', () => {
  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('lists plans and returns one plan whole', async () => {
    const list = await call('plan/list', {});
    expect(list.ok).toBe(true);
    const plans = (list as { data: PlanSummary[] }).data;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ shortName: '十四五', firstYear: 2021, lastYear: 2025, indicatorCount: 20 });
    const one = await call('plan/get', { plan: '十四五' });
    const d = (one as { data: PlanDetail }).data;
    expect(d.indicators).toHaveLength(20);
    expect(d.actions).toHaveLength(10);
    expect(d.tasks).toHaveLength(23);
    const byId = await call('plan/get', { plan: plans[0]!.id });
    expect((byId as { data: PlanDetail }).data.plan.id).toBe(plans[0]!.id);
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const ch of ['plan/delete-everything', '__proto__', 'constructor', 'toString', 42, null]) {
      const r = await call(ch, {});
      expect(r).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('未知的调用') },
      });
    }
  });

  it.each([
    ['plan/get', {}],
    ['plan/get', { plan: '' }],
    ['plan/get', { plan: -1 }],
    ['plan/get', { plan: 1.5 }],
    ['plan/get', { plan: 1, extra: true }],
    ['plan/list', { x: 1 }],
    ['plan/list', []],
    ['indicator/update-values', { planId: 1, changes: [] }],
    ['indicator/update-values', { planId: 1, changes: [{ indicatorId: 1, year: 2023, kind: 'guess', text: '1' }] }],
    ['indicator/update-values', { planId: 1, changes: [{ indicatorId: 1, year: 2023, kind: 'actual', text: 5 }] }],
    ['indicator/update-values', { planId: 1, changes: [{ indicatorId: 1, year: 99999, kind: 'actual', text: '1' }] }],
    [
      'indicator/update-values',
      { planId: 1, changes: [{ indicatorId: 1, year: 2023, kind: 'actual', text: 'x'.repeat(201) }] },
    ],
    ['indicator/update-values', { planId: '1', changes: [{ indicatorId: 1, year: 2023, kind: 'actual', text: '1' }] }],
    ['changelog/list', { limit: 0 }],
    ['changelog/list', { limit: 100000 }],
  ])('rejects malformed arguments for %s: %j', async (channel, args) => {
    const r = await call(channel, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/^参数无效/);
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('turns a domain error into its envelope and an unexpected one into a generic message, logging the stack', async () => {
    const missing = await call('plan/get', { plan: '十五五' });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('十五五') } });
    const boom = await dispatch(
      {
        ...handlers,
        'plan/list': () => {
          throw new TypeError('secret internals');
        },
      },
      ctx,
      'plan/list',
      {},
      log,
    );
    expect(boom.ok).toBe(false);
    if (!boom.ok) {
      expect(boom.error.code).toBe('INTERNAL');
      expect(boom.error.message).not.toContain('secret');
    }
    expect(JSON.stringify(logged)).toContain('unexpected error');
  });

  it('updates values and reads the change log through the contract', async () => {
    const d = ((await call('plan/get', { plan: '十四五' })) as { data: PlanDetail }).data;
    const id = d.indicators[0]!.id;
    const r = await call('indicator/update-values', {
      planId: d.plan.id,
      changes: [{ indicatorId: id, year: 2023, kind: 'actual', text: '4.1' }],
    });
    expect(r.ok).toBe(true);
    const log2 = await call('changelog/list', { planId: d.plan.id, limit: 1 });
    expect(log2.ok).toBe(true);
    if (log2.ok) {
      const page = log2.data as { entries: { field: string; after: { text: string } }[] };
      expect(page.entries[0]).toMatchObject({ field: '2023/actual', after: { text: '4.1' } });
    }
  });
});
