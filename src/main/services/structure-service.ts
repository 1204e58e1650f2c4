// The plan's structure: indicator definitions, categories and their order. Every change is one transaction and is
// logged with before and after; a deleted indicator keeps its full snapshot (values included) in the log, which is
// what indicator/restore puts back.
import type { IndicatorDefinition } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Category, Indicator } from '../../shared/model';
import { parseValue } from '../../shared/value';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import type { NewIndicator } from '../db/repos/indicator-repo';
import { changeRecorder } from './change-recorder';
import type { Clock } from './clock';
import { assertPlanOpen } from './plan-guard';

const printedName = (name: string, unit: string | null) => (unit ? `${name}（${unit}）` : name);

export function createStructureService(db: Db, repos: Repos, clock: Clock) {
  const indicatorsOf = (planId: number) => repos.indicators.listByPlan(planId);
  const find = (planId: number, id: number): Indicator => {
    const found = indicatorsOf(planId).find((i) => i.id === id);
    if (!found) throw new AppError('NOT_FOUND', `找不到该指标（编号 ${id}），可能已被删除。`);
    return found;
  };
  const categoryOf = (planId: number, id: number) => {
    const c = repos.plans.category(id);
    if (!c || c.planId !== planId) throw new AppError('NOT_FOUND', `找不到该类别（编号 ${id}）。`);
    return c;
  };

  /** 序号 follow the order on the page: 1, 2, 3 … across categories (two steps, as 序号 are unique per plan). */
  function renumber(order: { id: number; categoryId: number }[]) {
    order.forEach((o, i) => repos.indicators.setPosition({ ...o, sortOrder: i + 1, seq: `#${o.id}` }));
    order.forEach((o, i) => repos.indicators.setPosition({ ...o, sortOrder: i + 1, seq: String(i + 1) }));
  }
  /** The plan's indicators in page order: categories by their order, then indicators by theirs. */
  function pageOrder(planId: number): { id: number; categoryId: number }[] {
    const rank = new Map(repos.plans.categories(planId).map((c) => [c.id, c.sortOrder]));
    return indicatorsOf(planId)
      .map((i) => ({ id: i.id, categoryId: i.categoryId, key: [rank.get(i.categoryId) ?? 0, i.sortOrder] as const }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
      .map(({ id, categoryId }) => ({ id, categoryId }));
  }
  const toRow = (planId: number, d: IndicatorDefinition): Omit<NewIndicator, 'seq' | 'sortOrder'> => ({
    planId,
    categoryId: d.categoryId,
    printedName: printedName(d.name, d.unit),
    name: d.name,
    unit: d.unit,
    nature: d.nature,
    direction: d.direction,
    targetKind: d.targetKind,
    base: d.base ? { ...parseValue(d.base.text), year: d.base.year, source: d.base.source } : null,
    departmentId: d.departmentId,
    dataSource: d.dataSource,
    remark: d.remark,
  });
  const tx = <T>(planId: number, fn: (log: ReturnType<typeof changeRecorder>, now: string) => T, actor: string): T =>
    db.transaction(() => {
      assertPlanOpen(repos, planId);
      const now = clock.now();
      const result = fn(changeRecorder(repos, now, actor), now);
      repos.plans.touch(planId, now);
      return result;
    })();

  return {
    saveIndicator(planId: number, d: IndicatorDefinition, actor: string): Indicator {
      categoryOf(planId, d.categoryId);
      if (d.departmentId !== null && !repos.plans.department(d.departmentId)) {
        throw new AppError('NOT_FOUND', '所选科室已不存在，请重新选择。');
      }
      return tx(
        planId,
        (log) => {
          if (d.id === undefined) {
            const id = repos.indicators.insert({ ...toRow(planId, d), seq: `#new`, sortOrder: 1e9 });
            renumber(pageOrder(planId));
            const created = find(planId, id);
            log(planId, 'indicator', id, 'create', null, created);
            return created;
          }
          const before = find(planId, d.id);
          repos.indicators.update(d.id, toRow(planId, d));
          if (before.categoryId !== d.categoryId) renumber(pageOrder(planId));
          const after = find(planId, d.id);
          log(planId, 'indicator', d.id, 'update', { ...before, values: undefined }, { ...after, values: undefined });
          return after;
        },
        actor,
      );
    },
    deleteIndicator(planId: number, id: number, actor: string): { snapshot: Indicator } {
      const snapshot = find(planId, id);
      tx(
        planId,
        (log) => {
          repos.indicators.remove(id);
          renumber(pageOrder(planId));
          log(planId, 'indicator', id, 'delete', snapshot, null);
        },
        actor,
      );
      return { snapshot };
    },
    restoreIndicator(planId: number, id: number, actor: string): Indicator {
      const entry = repos.changeLog.last('indicator', id, 'delete');
      if (!entry || entry.planId !== planId) throw new AppError('NOT_FOUND', '没有找到该指标的删除记录，无法恢复。');
      const s = entry.before as Indicator;
      if (indicatorsOf(planId).some((i) => i.id === id)) throw new AppError('CONFLICT', '该指标已经恢复过了。');
      categoryOf(planId, s.categoryId);
      return tx(
        planId,
        (log) => {
          const { values, base, ...rest } = s;
          const newId = repos.indicators.reinsert(id, {
            ...rest,
            planId,
            base,
            seq: `#restore`,
            sortOrder: s.sortOrder - 0.5,
          });
          for (const v of values) repos.indicators.upsertValue({ ...v, indicatorId: newId });
          renumber(pageOrder(planId));
          const restored = find(planId, newId);
          log(planId, 'indicator', newId, 'create', null, restored);
          return restored;
        },
        actor,
      );
    },
    moveIndicator(planId: number, id: number, categoryId: number, index: number, actor: string): Indicator[] {
      const before = find(planId, id);
      categoryOf(planId, categoryId);
      return tx(
        planId,
        (log) => {
          const order = pageOrder(planId).filter((o) => o.id !== id);
          const inTarget = order.filter((o) => o.categoryId === categoryId);
          const anchor = inTarget[Math.min(index, inTarget.length)];
          const at = anchor ? order.indexOf(anchor) : order.length;
          order.splice(at, 0, { id, categoryId });
          renumber(order);
          // An indicator moved into an empty category was put last: re-derive the page order from the categories' order.
          renumber(pageOrder(planId));
          const after = find(planId, id);
          const pos = (i: Indicator) => ({ categoryId: i.categoryId, seq: i.seq, sortOrder: i.sortOrder });
          log(planId, 'indicator', id, 'update', pos(before), pos(after), 'position');
          return indicatorsOf(planId);
        },
        actor,
      );
    },
    saveCategory(planId: number, c: { id?: number; name: string }, actor: string): Category {
      const existing = repos.plans.categories(planId);
      if (existing.some((x) => x.name === c.name.trim() && x.id !== c.id)) {
        throw new AppError('CONFLICT', `类别“${c.name.trim()}”已经存在。`);
      }
      return tx(
        planId,
        (log) => {
          if (c.id === undefined) {
            const sortOrder = Math.max(0, ...existing.map((x) => x.sortOrder)) + 1;
            const id = repos.plans.insertCategory(planId, c.name.trim(), sortOrder);
            const created = { id, name: c.name.trim(), sortOrder };
            log(planId, 'category', id, 'create', null, created);
            return created;
          }
          const before = categoryOf(planId, c.id);
          const after = { id: c.id, name: c.name.trim(), sortOrder: before.sortOrder };
          repos.plans.updateCategory(after);
          log(
            planId,
            'category',
            c.id,
            'update',
            { id: before.id, name: before.name, sortOrder: before.sortOrder },
            after,
          );
          return after;
        },
        actor,
      );
    },
    deleteCategory(planId: number, id: number, actor: string): { ok: true } {
      const c = categoryOf(planId, id);
      const n = repos.plans.categorySize(id);
      if (n > 0) throw new AppError('CONFLICT', `类别“${c.name}”下还有 ${n} 项指标，请先移走或删除这些指标。`);
      tx(
        planId,
        (log) => {
          repos.plans.deleteCategory(id);
          log(planId, 'category', id, 'delete', { id, name: c.name, sortOrder: c.sortOrder }, null);
        },
        actor,
      );
      return { ok: true };
    },
    moveCategory(planId: number, id: number, index: number, actor: string): Category[] {
      const c = categoryOf(planId, id);
      return tx(
        planId,
        (log) => {
          const order = repos.plans.categories(planId).filter((x) => x.id !== id);
          order.splice(Math.min(index, order.length), 0, { id, name: c.name, sortOrder: c.sortOrder });
          order.forEach((x, i) => repos.plans.updateCategory({ ...x, sortOrder: i + 1 }));
          renumber(pageOrder(planId));
          log(planId, 'category', id, 'update', { sortOrder: c.sortOrder }, { sortOrder: index + 1 }, 'position');
          return repos.plans.categories(planId);
        },
        actor,
      );
    },
  };
}

export type StructureService = ReturnType<typeof createStructureService>;
