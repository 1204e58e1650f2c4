// The plan as one JSON document for the command line and for scripts: values keyed by year, then kind.
import type { IndicatorValue, PlanDetail } from '../../shared/model';

type ValueJson = Omit<IndicatorValue, 'year' | 'kind'>;

export function planToJson(d: PlanDetail) {
  const categoryName = new Map(d.categories.map((c) => [c.id, c.name]));
  const departmentName = new Map(d.departments.map((x) => [x.id, x.name]));
  const dept = (id: number | null) => (id === null ? null : (departmentName.get(id) ?? null));
  const groupOf = new Map(d.taskGroups.map((g) => [g.id, g]));
  return {
    plan: d.plan,
    appendices: d.appendices,
    departments: d.departments,
    categories: d.categories,
    indicators: d.indicators.map(({ values, categoryId, departmentId, ...i }) => {
      const byYear: Record<string, Partial<Record<'target' | 'actual', ValueJson>>> = {};
      for (const { year, kind, ...v } of values) (byYear[String(year)] ??= {})[kind] = v;
      return { ...i, category: categoryName.get(categoryId) ?? null, department: dept(departmentId), values: byYear };
    }),
    actions: d.actions.map(({ departmentId, ...a }) => ({ ...a, department: dept(departmentId) })),
    taskGroups: d.taskGroups,
    tasks: d.tasks.map(({ groupId, leadDepartmentId, cooperatingDepartmentIds, ...t }) => ({
      ...t,
      groupSeq: groupOf.get(groupId)?.seq ?? null,
      leadDepartment: dept(leadDepartmentId),
      cooperatingDepartments: cooperatingDepartmentIds.map(dept),
    })),
  };
}
