// A plan's life (issue 6): created from nothing, cloned into the next period, closed with its 总结评估, reopened with
// a reason. A closed plan stays viewable, exportable and evaluated; every write to it is refused (plan-guard.ts).
import type { PlanMetaInput } from '../../shared/api-schemas';
import { AppError } from '../../shared/errors';
import type { Indicator, PlanDetail, PlanSummary } from '../../shared/model';
import { parseValue } from '../../shared/value';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import { insertPlan, type PlanFile } from '../db/seed';
import { changeRecorder } from './change-recorder';
import type { Clock } from './clock';
import type { PlanService } from './plan-service';

/** The newest actual of an indicator (its year and text), if any. */
export function latestActual(ind: Pick<Indicator, 'values'>) {
  return ind.values.filter((v) => v.kind === 'actual' && v.text.trim() !== '').sort((a, b) => b.year - a.year)[0];
}

const appendicesFor = (m: PlanMetaInput): PlanFile['plan']['appendices'] => [
  { kind: 'indicators', label: '附件1', title: `${m.title}主要目标指标（${m.firstYear}-${m.lastYear}年）` },
];

export function createPlanLifecycleService(db: Db, repos: Repos, clock: Clock, plans: PlanService) {
  function summary(planId: number): PlanSummary {
    const s = repos.plans.list().find((p) => p.id === planId);
    if (!s) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的规划。`);
    return s;
  }
  function uniqueShortName(shortName: string): void {
    if (repos.plans.idByShortName(shortName) !== undefined) {
      throw new AppError('CONFLICT', `已有简称为“${shortName}”的规划，请换一个简称。`);
    }
  }
  function fileFor(m: PlanMetaInput): PlanFile {
    return {
      format: 'plandesk-plan/1',
      sourceFile: null,
      plan: {
        title: m.title,
        shortName: m.shortName,
        issuers: m.issuers,
        docNumber: null,
        issueDate: null,
        firstYear: m.firstYear,
        lastYear: m.lastYear,
        baseYear: m.baseYear,
        targetYears: [m.lastYear],
        appendices: appendicesFor(m),
      },
      departments: [],
      categories: [],
      actions: [],
      taskGroups: [],
    };
  }

  return {
    /** An empty plan with its categories named; indicators are added through the structure service. */
    create(m: PlanMetaInput, categories: string[], actor: string): PlanSummary {
      uniqueShortName(m.shortName);
      const names = categories.map((c) => c.trim()).filter(Boolean);
      if (new Set(names).size !== names.length) throw new AppError('VALIDATION', '类别名称不能重复。');
      const planId = db.transaction(() => {
        const id = insertPlan(repos, fileFor(m), null, { now: clock.now(), actor });
        const log = changeRecorder(repos, clock.now(), actor);
        names.forEach((name, i) =>
          log(id, 'category', repos.plans.insertCategory(id, name, i + 1), 'create', null, { name }),
        );
        return id;
      })();
      return summary(planId);
    },

    /**
     * The next period from an old plan: same categories, the chosen indicators with their definitions and 科室,
     * base year = the old plan's last year, base values = the latest actuals (source says they were carried over).
     * With copyTargets, targets move with the period (2021→2026 … 2025→2030); otherwise none are copied.
     */
    clone(
      fromId: number,
      m: PlanMetaInput,
      opts: { indicatorIds?: number[]; copyTargets: boolean },
      actor: string,
    ): PlanSummary {
      const old: PlanDetail = plans.get(fromId);
      uniqueShortName(m.shortName);
      const chosen = opts.indicatorIds ? new Set(opts.indicatorIds) : null;
      if (chosen) {
        const known = new Set(old.indicators.map((i) => i.id));
        const foreign = [...chosen].filter((id) => !known.has(id));
        if (foreign.length > 0)
          throw new AppError('NOT_FOUND', `指标 ${foreign.join('、')} 不属于规划“${old.plan.shortName}”。`);
      }
      const shift = m.firstYear - old.plan.firstYear;
      const baseYear = m.baseYear ?? old.plan.lastYear;
      if (baseYear >= m.firstYear) {
        throw new AppError(
          'VALIDATION',
          `新规划从 ${m.firstYear} 年开始，但原规划到 ${old.plan.lastYear} 年才结束：请让新规划在其后开始，或填写早于 ${m.firstYear} 年的基期年份。`,
        );
      }
      const now = clock.now();
      const planId = db.transaction(() => {
        const id = insertPlan(repos, fileFor({ ...m, baseYear }), null, { now, actor });
        const log = changeRecorder(repos, now, actor);
        log(
          id,
          'plan',
          id,
          'create',
          null,
          { clonedFrom: { id: old.plan.id, shortName: old.plan.shortName } },
          'clonedFrom',
        );
        let order = 0;
        old.categories.forEach((c, ci) => {
          const categoryId = repos.plans.insertCategory(id, c.name, ci + 1);
          log(id, 'category', categoryId, 'create', null, { name: c.name });
          for (const ind of old.indicators.filter((i) => i.categoryId === c.id && (!chosen || chosen.has(i.id)))) {
            const carried = latestActual(ind);
            const base = carried
              ? {
                  ...parseValue(carried.text),
                  year: carried.year,
                  source: `由“${old.plan.shortName}”规划 ${carried.year} 年实际值结转`,
                }
              : null;
            const newId = repos.indicators.insert({
              planId: id,
              categoryId,
              seq: String(order + 1),
              printedName: ind.printedName,
              name: ind.name,
              unit: ind.unit,
              nature: ind.nature,
              direction: ind.direction,
              targetKind: ind.targetKind,
              base,
              departmentId: ind.departmentId,
              dataSource: ind.dataSource,
              remark: ind.remark,
              sortOrder: ++order,
            });
            const targets = opts.copyTargets
              ? ind.values
                  .filter((v) => v.kind === 'target')
                  .map((v) => ({ ...v, year: v.year + shift }))
                  .filter((v) => v.year >= m.firstYear && v.year <= m.lastYear)
              : [];
            for (const t of targets) {
              repos.indicators.upsertValue({
                ...parseValue(t.text),
                indicatorId: newId,
                year: t.year,
                kind: 'target',
                note: null,
                updatedAt: now,
                updatedBy: actor,
              });
            }
            log(id, 'indicator', newId, 'create', null, {
              clonedFrom: ind.id,
              name: ind.name,
              base: base ? { text: base.text, year: base.year, source: base.source } : null,
              targets: Object.fromEntries(targets.map((t) => [t.year, t.text])),
            });
          }
        });
        return id;
      })();
      return summary(planId);
    },

    close(planId: number, actor: string): PlanSummary {
      const before = summary(planId);
      if (before.status === 'closed') throw new AppError('CONFLICT', `规划“${before.shortName}”已经结束。`);
      const now = clock.now();
      db.transaction(() => {
        repos.planStatus.set(planId, 'closed', now);
        changeRecorder(repos, now, actor)(
          planId,
          'plan',
          planId,
          'update',
          { status: before.status },
          { status: 'closed' },
          'status',
        );
      })();
      return summary(planId);
    },

    reopen(planId: number, reason: string, actor: string): PlanSummary {
      const before = summary(planId);
      if (before.status !== 'closed')
        throw new AppError('CONFLICT', `规划“${before.shortName}”没有结束，无需重新打开。`);
      const why = reason.trim();
      if (why === '') throw new AppError('VALIDATION', '重新打开已结束的规划必须写明理由。');
      const now = clock.now();
      db.transaction(() => {
        repos.planStatus.set(planId, 'active', now);
        changeRecorder(repos, now, actor)(
          planId,
          'plan',
          planId,
          'update',
          { status: 'closed' },
          { status: 'active', reason: why },
          'status',
        );
      })();
      return summary(planId);
    },
  };
}

export type PlanLifecycleService = ReturnType<typeof createPlanLifecycleService>;
