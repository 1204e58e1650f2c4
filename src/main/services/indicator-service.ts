import type { UpdateValuesResult, ValueChange } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EvaluationOverride } from '../../shared/model';
import { parseValue } from '../../shared/value';
import { changeRecorder } from './change-recorder';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import type { Clock } from './clock';
import { assertPlanOpen } from './plan-guard';

/** The message for a write into a year that has been submitted (报送). */
export const lockedYearMessage = (year: number) =>
  `${year} 年已报送，当年完成值、评价和进展已锁定。如确需修改，请在“年度监测”中解锁并写明理由。`;

export function createIndicatorService(db: Db, repos: Repos, clock: Clock) {
  return {
    /** Sets (or, with null, removes) a clerk's override of the computed status; the reason is required. */
    setOverride(
      planId: number,
      indicatorId: number,
      year: number,
      override: { status: EvaluationOverride['status']; reason: string } | null,
      actor: string,
    ): EvaluationOverride | null {
      if (repos.indicators.planOf(indicatorId) !== planId) {
        throw new AppError('NOT_FOUND', `指标 ${indicatorId} 不属于该规划。`);
      }
      const plan = repos.plans.get(planId)!;
      if (year < plan.firstYear || year > plan.lastYear) {
        throw new AppError('VALIDATION', `年份 ${year} 不在规划期 ${plan.firstYear}—${plan.lastYear} 年之内。`);
      }
      assertPlanOpen(repos, planId);
      if (repos.submissions.isSubmitted(planId, year)) throw new AppError('CONFLICT', lockedYearMessage(year));
      if (override && override.reason.trim() === '') throw new AppError('VALIDATION', '人工调整评价必须写明理由。');
      return db.transaction(() => {
        const now = clock.now();
        const before = repos.indicators.override(indicatorId, year) ?? null;
        if (override) {
          repos.indicators.setOverride({
            indicatorId,
            year,
            ...override,
            reason: override.reason.trim(),
            updatedAt: now,
            updatedBy: actor,
          });
        } else repos.indicators.deleteOverride(indicatorId, year);
        const after = repos.indicators.override(indicatorId, year) ?? null;
        if (before || after) {
          const op = before === null ? 'create' : after === null ? 'delete' : 'update';
          changeRecorder(repos, now, actor)(
            planId,
            'evaluation_override',
            indicatorId,
            op,
            before,
            after,
            String(year),
          );
        }
        repos.plans.touch(planId, now);
        return after;
      })();
    },
    /**
     * Writes a batch of values as one transaction (one user action = one undo step = one transaction).
     * Each changed cell gets its own change-log entry with before and after; unchanged cells are skipped.
     */
    /** `source` names the imported file the changes came from (kept in the change log). */
    updateValues(
      planId: number,
      changes: ValueChange[],
      actor: string,
      source: string | null = null,
    ): UpdateValuesResult {
      const plan = repos.plans.get(planId);
      if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的规划。`);
      assertPlanOpen(repos, planId);
      const seen = new Set<string>();
      for (const c of changes) {
        const key = `${c.indicatorId}/${c.year}/${c.kind}`;
        if (seen.has(key))
          throw new AppError('VALIDATION', `同一批修改中重复出现同一单元格（指标 ${c.indicatorId}，${c.year}年）。`);
        seen.add(key);
        if (repos.indicators.planOf(c.indicatorId) !== planId) {
          throw new AppError('NOT_FOUND', `指标 ${c.indicatorId} 不属于规划“${plan.shortName}”。`);
        }
        const earliest = plan.baseYear ?? plan.firstYear;
        if (c.year < earliest || c.year > plan.lastYear) {
          throw new AppError('VALIDATION', `年份 ${c.year} 不在规划期 ${earliest}—${plan.lastYear} 年之内。`);
        }
        if (c.kind === 'actual' && repos.submissions.isSubmitted(planId, c.year)) {
          throw new AppError('CONFLICT', lockedYearMessage(c.year));
        }
      }

      const now = clock.now();
      const result: UpdateValuesResult = { values: [], warnings: [] };
      db.transaction(() => {
        for (const c of changes) {
          const before = repos.indicators.getValue(c.indicatorId, c.year, c.kind) ?? null;
          const text = c.text.trim() === '' ? '' : c.text;
          const note = c.note === undefined ? (before?.note ?? null) : c.note;
          const key = { indicatorId: c.indicatorId, year: c.year, kind: c.kind };
          const log = (op: 'create' | 'update' | 'delete', after: unknown) =>
            repos.changeLog.append({
              at: now,
              actor,
              planId,
              entity: 'indicator_value',
              entityId: c.indicatorId,
              field: `${c.year}/${c.kind}`,
              op,
              before,
              after,
              source,
            });
          if (text === '') {
            if (before) {
              repos.indicators.deleteValue(key);
              log('delete', null);
            }
            result.values.push({ ...key, value: null });
            continue;
          }
          if (before && before.text === text && before.note === note) {
            result.values.push({ ...key, value: before });
            continue;
          }
          const parsed = parseValue(text);
          repos.indicators.upsertValue({ ...parsed, ...key, note, updatedAt: now, updatedBy: actor });
          const after = repos.indicators.getValue(c.indicatorId, c.year, c.kind)!;
          log(before ? 'update' : 'create', after);
          result.values.push({ ...key, value: after });
          if (!parsed.evaluable) {
            result.warnings.push({ ...key, message: `“${text}”不是可比较的数值，已按原文保存，但无法用于进度评价。` });
          }
        }
        repos.plans.touch(planId, now);
      })();
      return result;
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
