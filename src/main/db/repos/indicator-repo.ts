import type { EvaluationOverride, Indicator, IndicatorValue, ParsedValue, ValueKind } from '../../../shared/model';
import type { Db } from '../connection';

export interface NewIndicator {
  planId: number;
  categoryId: number;
  seq: string;
  printedName: string;
  name: string;
  unit: string | null;
  nature: Indicator['nature'];
  direction: Indicator['direction'];
  targetKind: Indicator['targetKind'];
  base: (ParsedValue & { year: number | null; source: string | null }) | null;
  departmentId: number | null;
  dataSource: string | null;
  remark: string | null;
  sortOrder: number;
}

export interface ValueWrite extends ParsedValue {
  indicatorId: number;
  year: number;
  kind: ValueKind;
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

interface IndicatorRow extends Omit<Indicator, 'base' | 'values'> {
  baseYear: number | null;
  baseText: string | null;
  baseNumber: number | null;
  baseComparator: ParsedValue['comparator'];
  baseDecimals: number | null;
  baseUnit: string | null;
  baseEvaluable: number;
  baseSource: string | null;
}

interface ValueRow extends Omit<IndicatorValue, 'evaluable'> {
  indicatorId: number;
  evaluable: number;
}

const VALUE_COLUMNS = `v.indicator_id AS indicatorId, v.year, v.kind, v.text, v.number, v.comparator, v.decimals,
  v.unit, v.evaluable, v.note, v.updated_at AS updatedAt, v.updated_by AS updatedBy`;

/** The indicator's columns as named parameters, the base value spread over its own columns. */
function flatten<T extends { base: NewIndicator['base'] }>(i: T) {
  const { base: b, ...rest } = i;
  return {
    ...rest,
    baseYear: b?.year ?? null,
    baseText: b?.text ?? null,
    baseNumber: b?.number ?? null,
    baseComparator: b?.comparator ?? null,
    baseDecimals: b?.decimals ?? null,
    baseUnit: b?.unit ?? null,
    baseEvaluable: b?.evaluable ? 1 : 0,
    baseSource: b?.source ?? null,
  };
}

export function createIndicatorRepo(db: Db) {
  const byPlan = db.prepare(
    `SELECT id, category_id AS categoryId, seq, printed_name AS printedName, name, unit, nature, direction,
            target_kind AS targetKind, base_year AS baseYear, base_text AS baseText, base_number AS baseNumber,
            base_comparator AS baseComparator, base_decimals AS baseDecimals, base_unit AS baseUnit,
            base_evaluable AS baseEvaluable, base_source AS baseSource, department_id AS departmentId,
            data_source AS dataSource, remark, sort_order AS sortOrder
       FROM indicator WHERE plan_id = @planId ORDER BY sort_order, id`,
  );
  const valuesByPlan = db.prepare(
    `SELECT ${VALUE_COLUMNS} FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.plan_id = @planId ORDER BY v.indicator_id, v.year, v.kind`,
  );
  const planOf = db.prepare(`SELECT plan_id AS planId FROM indicator WHERE id = @id`);
  const value = db.prepare(
    `SELECT ${VALUE_COLUMNS} FROM indicator_value v WHERE v.indicator_id = @indicatorId AND v.year = @year AND v.kind = @kind`,
  );
  const insert = db.prepare(
    `INSERT INTO indicator (plan_id, category_id, seq, printed_name, name, unit, nature, direction, target_kind,
       base_year, base_text, base_number, base_comparator, base_decimals, base_unit, base_evaluable, base_source,
       department_id, data_source, remark, sort_order)
     VALUES (@planId, @categoryId, @seq, @printedName, @name, @unit, @nature, @direction, @targetKind,
       @baseYear, @baseText, @baseNumber, @baseComparator, @baseDecimals, @baseUnit, @baseEvaluable, @baseSource,
       @departmentId, @dataSource, @remark, @sortOrder)`,
  );
  const upsertValue = db.prepare(
    `INSERT INTO indicator_value (indicator_id, year, kind, text, number, comparator, decimals, unit, evaluable,
                                  note, updated_at, updated_by)
     VALUES (@indicatorId, @year, @kind, @text, @number, @comparator, @decimals, @unit, @evaluable,
             @note, @updatedAt, @updatedBy)
     ON CONFLICT (indicator_id, year, kind) DO UPDATE SET text = excluded.text, number = excluded.number,
       comparator = excluded.comparator, decimals = excluded.decimals, unit = excluded.unit,
       evaluable = excluded.evaluable, note = excluded.note, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const update = db.prepare(
    `UPDATE indicator SET category_id = @categoryId, printed_name = @printedName, name = @name, unit = @unit,
       nature = @nature, direction = @direction, target_kind = @targetKind, base_year = @baseYear,
       base_text = @baseText, base_number = @baseNumber, base_comparator = @baseComparator,
       base_decimals = @baseDecimals, base_unit = @baseUnit, base_evaluable = @baseEvaluable,
       base_source = @baseSource, department_id = @departmentId, data_source = @dataSource, remark = @remark
     WHERE id = @id`,
  );
  const insertWithId = db.prepare(
    `INSERT INTO indicator (id, plan_id, category_id, seq, printed_name, name, unit, nature, direction, target_kind,
       base_year, base_text, base_number, base_comparator, base_decimals, base_unit, base_evaluable, base_source,
       department_id, data_source, remark, sort_order)
     VALUES (@id, @planId, @categoryId, @seq, @printedName, @name, @unit, @nature, @direction, @targetKind,
       @baseYear, @baseText, @baseNumber, @baseComparator, @baseDecimals, @baseUnit, @baseEvaluable, @baseSource,
       @departmentId, @dataSource, @remark, @sortOrder)`,
  );
  const remove = db.prepare(`DELETE FROM indicator WHERE id = @id`);
  const exists = db.prepare(`SELECT 1 FROM indicator WHERE id = @id`);
  const setPosition = db.prepare(
    `UPDATE indicator SET category_id = @categoryId, sort_order = @sortOrder, seq = @seq WHERE id = @id`,
  );
  const overrides = db.prepare(
    `SELECT o.indicator_id AS indicatorId, o.year, o.status, o.reason, o.updated_at AS updatedAt,
            o.updated_by AS updatedBy
       FROM evaluation_override o JOIN indicator i ON i.id = o.indicator_id
      WHERE i.plan_id = @planId ORDER BY o.indicator_id, o.year`,
  );
  const override = db.prepare(
    `SELECT indicator_id AS indicatorId, year, status, reason, updated_at AS updatedAt, updated_by AS updatedBy
       FROM evaluation_override WHERE indicator_id = @indicatorId AND year = @year`,
  );
  const upsertOverride = db.prepare(
    `INSERT INTO evaluation_override (indicator_id, year, status, reason, updated_at, updated_by)
     VALUES (@indicatorId, @year, @status, @reason, @updatedAt, @updatedBy)
     ON CONFLICT (indicator_id, year) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const deleteOverride = db.prepare(
    `DELETE FROM evaluation_override WHERE indicator_id = @indicatorId AND year = @year`,
  );
  const deleteValue = db.prepare(
    `DELETE FROM indicator_value WHERE indicator_id = @indicatorId AND year = @year AND kind = @kind`,
  );

  const toValue = ({ indicatorId: _id, evaluable, ...r }: ValueRow): IndicatorValue => ({
    ...r,
    evaluable: evaluable === 1,
  });

  return {
    listByPlan(planId: number): Indicator[] {
      const values = new Map<number, IndicatorValue[]>();
      for (const v of valuesByPlan.all({ planId }) as ValueRow[]) {
        const list = values.get(v.indicatorId) ?? [];
        list.push(toValue(v));
        values.set(v.indicatorId, list);
      }
      return (byPlan.all({ planId }) as IndicatorRow[]).map((r) => {
        const {
          baseYear,
          baseText,
          baseNumber,
          baseComparator,
          baseDecimals,
          baseUnit,
          baseEvaluable,
          baseSource,
          ...rest
        } = r;
        return {
          ...rest,
          base:
            baseText === null
              ? null
              : {
                  year: baseYear,
                  text: baseText,
                  number: baseNumber,
                  comparator: baseComparator,
                  decimals: baseDecimals,
                  unit: baseUnit,
                  evaluable: baseEvaluable === 1,
                  source: baseSource,
                },
          values: values.get(r.id) ?? [],
        };
      });
    },
    planOf: (id: number) => (planOf.get({ id }) as { planId: number } | undefined)?.planId,
    getValue(indicatorId: number, year: number, kind: ValueKind): IndicatorValue | undefined {
      const r = value.get({ indicatorId, year, kind }) as ValueRow | undefined;
      return r ? toValue(r) : undefined;
    },
    insert: (i: NewIndicator): number => Number(insert.run(flatten(i)).lastInsertRowid),
    /** puts an indicator back under its old id when that id is free (undo of a delete), else under a new one */
    reinsert: (id: number, i: NewIndicator): number =>
      exists.get({ id })
        ? Number(insert.run(flatten(i)).lastInsertRowid)
        : Number(insertWithId.run({ id, ...flatten(i) }).lastInsertRowid),
    update: (id: number, i: Omit<NewIndicator, 'planId' | 'seq' | 'sortOrder'>) => update.run({ id, ...flatten(i) }),
    remove: (id: number) => remove.run({ id }),
    setPosition: (p: { id: number; categoryId: number; sortOrder: number; seq: string }) => setPosition.run(p),
    upsertValue: (v: ValueWrite) => upsertValue.run({ ...v, evaluable: v.evaluable ? 1 : 0 }),
    overrides: (planId: number) => overrides.all({ planId }) as EvaluationOverride[],
    override: (indicatorId: number, year: number) =>
      override.get({ indicatorId, year }) as EvaluationOverride | undefined,
    setOverride: (o: EvaluationOverride) => upsertOverride.run(o),
    deleteOverride: (indicatorId: number, year: number) => deleteOverride.run({ indicatorId, year }),
    deleteValue: (k: { indicatorId: number; year: number; kind: ValueKind }) => deleteValue.run(k),
  };
}

export type IndicatorRepo = ReturnType<typeof createIndicatorRepo>;
