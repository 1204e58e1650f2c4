// The plan's structure as the toolbar moves it: categories in sortOrder, each category's indicators in
// sortOrder (ties by id, as the sheet orders them). Indexes sent to category/move and indicator/move are the
// 0-based position the item ends up at in that ordered list.
import type { Category, Indicator, PlanDetail } from '../../../../shared/model';

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

export function sortedCategories(plan: Pick<PlanDetail, 'categories'>): Category[] {
  return [...plan.categories].sort(bySortOrder);
}

export function indicatorsIn(plan: Pick<PlanDetail, 'indicators'>, categoryId: number): Indicator[] {
  return plan.indicators.filter((i) => i.categoryId === categoryId).sort(bySortOrder);
}

export interface IndicatorPlace {
  indicator: Indicator;
  /** position within its category */
  index: number;
  /** how many indicators its category holds */
  count: number;
}

export function placeOf(plan: Pick<PlanDetail, 'indicators'>, indicatorId: number | null): IndicatorPlace | null {
  const indicator = plan.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return null;
  const siblings = indicatorsIn(plan, indicator.categoryId);
  return { indicator, index: siblings.findIndex((i) => i.id === indicator.id), count: siblings.length };
}
