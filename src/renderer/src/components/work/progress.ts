// Pure helpers over an action's or task's per-year progress list.
import type { ProgressEntry } from '../../../../shared/model';

export function progressOf(list: ProgressEntry[], year: number): ProgressEntry | undefined {
  return list.find((p) => p.year === year);
}

/** The list with the year's entry replaced by what the core stored (null: the entry was cleared). */
export function withProgress(list: ProgressEntry[], year: number, entry: ProgressEntry | null): ProgressEntry[] {
  const others = list.filter((p) => p.year !== year);
  return entry ? [...others, entry].sort((a, b) => a.year - b.year) : others;
}

export const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;
