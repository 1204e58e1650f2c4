// Migration 0004: plans of a version-3 database get the 附件1 layout PlanDesk always printed for them (类别 | 序号 |
// 主要指标 | their target years | 备注), so their exports do not change; new plans store theirs on creation.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { createRepos } from '../../../src/main/db/repos';
import { buildIndicatorAppendix } from '../../../src/main/services/reports/appendix-indicators';
import { defaultAppendixLayout } from '../../../src/shared/plan-import';
import { memoryContext } from '../../helpers/db';

describe('migration 0004 (appendix layout)', () => {
  it('gives every existing plan the layout of its target years (the last year when it has none)', () => {
    const db = openDatabase({ file: ':memory:' });
    migrate(db, { migrations: MIGRATIONS.slice(0, 3) });
    const insert = db.prepare(
      `INSERT INTO plan (title, short_name, first_year, last_year, base_year, target_years, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    insert.run('甲规划', '十四五', 2021, 2025, 2020, '[2021,2022,2025]');
    insert.run('乙规划', '十五五', 2026, 2030, 2025, '[]');
    expect(migrate(db)).toMatchObject({ from: 3, to: MIGRATIONS.length });
    const stored = db.prepare(`SELECT short_name AS s, appendix_layout AS l FROM plan ORDER BY id`).all() as {
      s: string;
      l: string;
    }[];
    expect(stored.map((r) => [r.s, JSON.parse(r.l)])).toEqual([
      ['十四五', defaultAppendixLayout({ targetYears: [2021, 2022, 2025], lastYear: 2025 })],
      ['十五五', defaultAppendixLayout({ targetYears: [], lastYear: 2030 })],
    ]);
    expect(JSON.parse(stored[1]!.l).columns.map((c: { header: string }) => c.header)).toEqual([
      '类别',
      '序号',
      '主要指标',
      '2030年',
      '备注',
    ]);
    const repos = createRepos(db);
    expect(repos.plans.get(1)!.appendixLayout).toEqual(JSON.parse(stored[0]!.l));
    expect(() => db.prepare(`UPDATE plan SET appendix_layout = 'not json' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('stores the seed plan’s layout on creation; its 附件1 is the one built without a stored layout', () => {
    const ctx = memoryContext();
    const d = ctx.services.plans.get('十四五');
    expect(d.plan.appendixLayout).toEqual(defaultAppendixLayout(d.plan));
    const raw = ctx.db.prepare(`SELECT appendix_layout AS l FROM plan WHERE id = ?`).get(d.plan.id) as { l: string };
    expect(JSON.parse(raw.l)).toEqual(d.plan.appendixLayout);
    const { appendixLayout: _, ...without } = d.plan;
    expect(buildIndicatorAppendix(d)).toEqual(buildIndicatorAppendix({ ...d, plan: without }));
    ctx.close();
  });
});
