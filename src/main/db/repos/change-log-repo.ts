import type { ChangeLogEntry } from '../../../shared/model';
import type { Db } from '../connection';

export type ChangeRecord = Omit<ChangeLogEntry, 'id'>;

/** before/after are stored as JSON text. */
type Row = Omit<ChangeLogEntry, 'before' | 'after'> & { before: string | null; after: string | null };

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export function createChangeLogRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after)
     VALUES (@at, @actor, @planId, @entity, @entityId, @field, @op, @before, @after)`,
  );
  const listByPlan = db.prepare(
    `SELECT id, at, actor, plan_id AS planId, entity, entity_id AS entityId, field, op, before, after
       FROM change_log WHERE plan_id = @planId ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  );
  const listAll = db.prepare(
    `SELECT id, at, actor, plan_id AS planId, entity, entity_id AS entityId, field, op, before, after
       FROM change_log ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  );
  const countByPlan = db.prepare(`SELECT count(*) AS n FROM change_log WHERE plan_id = @planId`);
  const countAll = db.prepare(`SELECT count(*) AS n FROM change_log`);

  const parse = (r: Row): ChangeLogEntry => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  });

  return {
    append(c: ChangeRecord): void {
      insert.run({ ...c, before: toJson(c.before), after: toJson(c.after) });
    },
    list(q: { planId?: number; limit: number; offset: number }): { total: number; entries: ChangeLogEntry[] } {
      const rows = (q.planId === undefined ? listAll.all(q) : listByPlan.all(q)) as Row[];
      const total = (q.planId === undefined ? countAll.get() : countByPlan.get(q)) as { n: number };
      return { total: total.n, entries: rows.map(parse) };
    },
  };
}

export type ChangeLogRepo = ReturnType<typeof createChangeLogRepo>;
