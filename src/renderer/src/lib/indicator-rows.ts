// Turns a PlanDetail into the rows of the 附件1-style table: categories in sortOrder, each category's
// indicators in sortOrder, the category cell spanning its rows. Pure, so the grouping is easy to test.
import type { Category, Indicator, IndicatorValue, PlanMeta, ValueKind } from '../../../shared/model';

export interface IndicatorRow {
  key: number;
  indicator: Indicator;
  /** null for indicators whose category is missing from the plan (shown under a fallback label) */
  categoryName: string | null;
  /** rows the category cell spans: the group size on its first row, 0 on the others (cell omitted) */
  categorySpan: number;
  values: ReadonlyMap<string, IndicatorValue>;
}

export function valueKey(year: number, kind: ValueKind): string {
  return `${year}-${kind}`;
}

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

export function buildIndicatorRows(categories: Category[], indicators: Indicator[]): IndicatorRow[] {
  const groups = new Map<number | null, Indicator[]>();
  const known = new Set(categories.map((c) => c.id));
  for (const ind of indicators) {
    // An indicator pointing at an unknown category must still be shown, never silently dropped.
    const gid = known.has(ind.categoryId) ? ind.categoryId : null;
    const list = groups.get(gid) ?? [];
    list.push(ind);
    groups.set(gid, list);
  }

  const ordered: { name: string | null; items: Indicator[] }[] = [...categories]
    .sort(bySortOrder)
    .map((c) => ({ name: c.name, items: groups.get(c.id) ?? [] }));
  ordered.push({ name: null, items: groups.get(null) ?? [] });

  const rows: IndicatorRow[] = [];
  for (const group of ordered) {
    const items = [...group.items].sort(bySortOrder);
    items.forEach((indicator, i) => {
      const values = new Map<string, IndicatorValue>();
      for (const v of indicator.values) values.set(valueKey(v.year, v.kind), v);
      rows.push({
        key: indicator.id,
        indicator,
        categoryName: group.name,
        categorySpan: i === 0 ? items.length : 0,
        values,
      });
    });
  }
  return rows;
}

/** The plan's years, first to last inclusive: one column group each. */
export function planYears(plan: Pick<PlanMeta, 'firstYear' | 'lastYear'>): number[] {
  const years: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) years.push(y);
  return years;
}
