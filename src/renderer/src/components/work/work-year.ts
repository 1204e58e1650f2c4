// The year whose progress the 十大行动 / 主要任务 pages show: any year of the plan, by default this calendar
// year clamped into the plan's period (a finished plan opens on its last year, a future one on its first).
import { useState } from 'react';
import type { PlanMeta } from '../../../../shared/model';

type PlanPeriod = Pick<PlanMeta, 'firstYear' | 'lastYear'>;

export function planYears(plan: PlanPeriod): number[] {
  const years: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) years.push(y);
  return years;
}

export function clampYear(year: number, plan: PlanPeriod): number {
  return Math.min(Math.max(year, plan.firstYear), plan.lastYear);
}

export function defaultWorkYear(plan: PlanPeriod, now: Date = new Date()): number {
  return clampYear(now.getFullYear(), plan);
}

/** Props a work page takes so the chosen year survives switching tabs (App holds it). */
export interface WorkYearProps {
  year?: number | null;
  onYearChange?: (year: number) => void;
}

/** The chosen year: controlled by the parent when it passes one, else local; always inside the plan. */
export function useWorkYear(plan: PlanPeriod, props: WorkYearProps): [number, (year: number) => void] {
  const [local, setLocal] = useState<number | null>(null);
  const chosen = props.year ?? local;
  const year = chosen === null ? defaultWorkYear(plan) : clampYear(chosen, plan);
  const setYear = (y: number) => {
    setLocal(y);
    props.onYearChange?.(y);
  };
  return [year, setYear];
}
