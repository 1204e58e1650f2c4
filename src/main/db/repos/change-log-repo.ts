import type { ChangeLogQuery } from '../../../shared/api-schemas';
import type { ChangeLogEntry } from '../../../shared/model';
import type { Db } from '../connection';

export type ChangeRecord = Omit<ChangeLogEntry, 'id'>;

/** before/after are stored as JSON text. */
type Row = Omit<ChangeLogEntry, 'before' | 'after'> & { before: string | null; after: string | null };

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

const COLUMNS = `id, at, actor, plan_id AS planId, entity, entity_id AS entityId, field, op, before, after, source`;

// Every filter is optional: a NULL parameter switches its condition off, so one prepared statement serves all.
const WHERE = `WHERE (@planId IS NULL OR plan_id = @planId)
    AND (@entity IS NULL OR entity = @entity)
    AND (@entityId IS NULL OR entity_id = @entityId)
    AND (@field IS NULL OR field = @field)
    AND (@year IS NULL OR field = @year OR field LIKE @year || '/%')
    AND (@from IS NULL OR at >= @from)
    AND (@to IS NULL OR at < date(@to, '+1 day'))`;

export function createChangeLogRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after, source)
     VALUES (@at, @actor, @planId, @entity, @entityId, @field, @op, @before, @after, @source)`,
  );
  const list = db.prepare(`SELECT ${COLUMNS} FROM change_log ${WHERE} ORDER BY id DESC LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) AS n FROM change_log ${WHERE}`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM change_log WHERE id = @id`);
  const lastFor = db.prepare(
    `SELECT ${COLUMNS} FROM change_log WHERE entity = @entity AND entity_id = @entityId AND op = @op ORDER BY id DESC LIMIT 1`,
  );

  const parse = (r: Row): ChangeLogEntry => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  });

  return {
    append(c: ChangeRecord): number {
      return Number(
        insert.run({ ...c, before: toJson(c.before), after: toJson(c.after), source: c.source ?? null })
          .lastInsertRowid,
      );
    },
    list(q: ChangeLogQuery): { total: number; entries: ChangeLogEntry[] } {
      const params = {
        planId: q.planId ?? null,
        entity: q.entity ?? null,
        entityId: q.entityId ?? null,
        field: q.field ?? null,
        year: q.year === undefined ? null : String(q.year),
        from: q.from ?? null,
        to: q.to ?? null,
      };
      const rows = list.all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
      return { total: (count.get(params) as { n: number }).n, entries: rows.map(parse) };
    },
    get: (id: number) => {
      const r = byId.get({ id }) as Row | undefined;
      return r ? parse(r) : undefined;
    },
    last: (entity: string, entityId: number, op: ChangeLogEntry['op']) => {
      const r = lastFor.get({ entity, entityId, op }) as Row | undefined;
      return r ? parse(r) : undefined;
    },
  };
}

export type ChangeLogRepo = ReturnType<typeof createChangeLogRepo>;
