// Words for a change-log entry: what kind of thing changed, which one (looked up in the plan), which field,
// and compact before/after texts. Values are summarised as plain text (a value's own `.text`, a name, or
// "field: value" pairs for the fields that differ), never shown as JSON or markup.
import type { TFunction } from 'i18next';
import type { ChangeLogEntry, PlanDetail } from '../../../../shared/model';
import { isProgressStatus, STATUS_KEY } from '../work/progress-status';
import { describeAnnual, isAnnualEntity, submissionSubject } from './describe-annual';
import { describePlan, isPlanLifecycle, planSubject } from './describe-plan';

export const ENTITY_KEY = {
  indicator_value: 'changelog.entity.indicator_value',
  indicator: 'changelog.entity.indicator',
  category: 'changelog.entity.category',
  action: 'changelog.entity.action',
  action_progress: 'changelog.entity.action_progress',
  task: 'changelog.entity.task',
  task_progress: 'changelog.entity.task_progress',
  task_group: 'changelog.entity.task_group',
  department: 'changelog.entity.department',
  plan: 'changelog.entity.plan',
  year_submission: 'changelog.entity.year_submission',
  evaluation_override: 'changelog.entity.evaluation_override',
} as const;
export type KnownEntity = keyof typeof ENTITY_KEY;

const FIELD_KEY = {
  target: 'changelog.field.target',
  actual: 'changelog.field.actual',
  progress: 'changelog.field.progress',
  text: 'changelog.field.text',
  status: 'changelog.field.status',
  note: 'changelog.field.note',
  name: 'changelog.field.name',
  title: 'changelog.field.title',
  goal: 'changelog.field.goal',
  remark: 'changelog.field.remark',
  unit: 'changelog.field.unit',
  nature: 'changelog.field.nature',
  direction: 'changelog.field.direction',
  targetKind: 'changelog.field.targetKind',
  base: 'changelog.field.base',
  dataSource: 'changelog.field.dataSource',
  categoryId: 'changelog.field.categoryId',
  departmentId: 'changelog.field.departmentId',
  leadDepartmentId: 'changelog.field.leadDepartmentId',
  cooperatingDepartmentIds: 'changelog.field.cooperatingDepartmentIds',
  deadline: 'changelog.field.deadline',
  sortOrder: 'changelog.field.sortOrder',
  position: 'changelog.field.position',
} as const;

const ENUM_KEY = {
  nature: { expected: 'changelog.value.expected', binding: 'changelog.value.binding' },
  direction: {
    increase: 'changelog.value.increase',
    decrease: 'changelog.value.decrease',
    maintain: 'changelog.value.maintain',
  },
  targetKind: {
    level: 'changelog.value.level',
    yearly_average: 'changelog.value.yearly_average',
    cumulative: 'changelog.value.cumulative',
  },
} as const;
type EnumMaps = typeof ENUM_KEY;
type EnumText = { [F in keyof EnumMaps]: EnumMaps[F][keyof EnumMaps[F]] }[keyof EnumMaps];

/** Bookkeeping that changes with every edit and says nothing to the clerk. */
const NOISE = new Set(['id', 'planId', 'updatedAt', 'updatedBy', 'values', 'progress', 'printedName', 'seq']);
const DEPARTMENT_FIELDS = new Set(['departmentId', 'leadDepartmentId', 'cooperatingDepartmentIds']);
const MAX_FIELDS = 4;

export interface Lookup {
  t: TFunction;
  plan: PlanDetail;
  departments: ReadonlyMap<number, string>;
}

export function buildLookup(t: TFunction, plan: PlanDetail): Lookup {
  return { t, plan, departments: new Map(plan.departments.map((d) => [d.id, d.name])) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An indicator value, a progress entry or a base value: shown by its text (a task has a text too, and a title). */
const isValueObject = (v: unknown): v is Record<string, unknown> & { text: string } =>
  isRecord(v) && typeof v.text === 'string' && !('title' in v) && !('name' in v);
const hasKey = <K extends string>(map: Record<K, unknown>, k: string): k is K => Object.hasOwn(map, k);

export function entityLabel(entity: string, t: TFunction): string {
  return hasKey(ENTITY_KEY, entity) ? t(ENTITY_KEY[entity]) : entity;
}

function keyLabel(key: string, t: TFunction): string {
  return hasKey(FIELD_KEY, key) ? t(FIELD_KEY[key]) : key;
}

/** '2023/actual' → 2023年 实际 · '2023' → 2023年 · 'remark' → 备注 · anything else as written. */
export function fieldLabel(field: string | null, t: TFunction): string {
  if (field === null || field === '') return '';
  const m = /^(\d{4})(?:\/(\w+))?$/.exec(field);
  if (m) {
    const year = t('changelog.yearField', { year: m[1] });
    return m[2] ? `${year} ${keyLabel(m[2], t)}` : year;
  }
  return field
    .split('/')
    .map((part) => keyLabel(part, t))
    .join(' ');
}

/** Which indicator / action / task …: from the plan, else the name kept in the entry, else its number. */
export function subjectName(entry: ChangeLogEntry, { plan, t }: Lookup): string {
  if (entry.entity === 'year_submission') return submissionSubject(entry, t);
  const id = entry.entityId;
  const e = entry.entity;
  const from = <T extends { id: number }>(list: T[], name: (x: T) => string) => {
    const found = list.find((x) => x.id === id);
    return found ? name(found) : undefined;
  };
  let name: string | undefined;
  if (e.startsWith('indicator') || e === 'evaluation_override') name = from(plan.indicators, (i) => i.name);
  else if (e.startsWith('action')) name = from(plan.actions, (a) => a.name);
  else if (e === 'task_group') name = from(plan.taskGroups, (g) => g.title);
  else if (e.startsWith('task')) name = from(plan.tasks, (task) => task.title);
  else if (e === 'category') name = from(plan.categories, (c) => c.name);
  else if (e === 'department') name = from(plan.departments, (d) => d.name);
  else if (e === 'plan') name = planSubject(entry, plan);
  if (name !== undefined) return name;
  for (const side of [entry.before, entry.after]) {
    if (isRecord(side) && typeof side.name === 'string') return side.name;
    if (isRecord(side) && typeof side.title === 'string') return side.title;
  }
  return id === null ? '' : `#${id}`;
}

function enumText(key: string | null, v: unknown): EnumText | undefined {
  if (key === null || typeof v !== 'string' || !hasKey(ENUM_KEY, key)) return undefined;
  const words: Record<string, EnumText> = ENUM_KEY[key];
  return Object.hasOwn(words, v) ? words[v] : undefined;
}

/** One value as text; `key` names the field it belongs to (department ids become names, codes become words). */
function valueText(v: unknown, key: string | null, look: Lookup): string {
  const { t } = look;
  if (v === null || v === undefined || v === '') return t('changelog.emptyValue');
  if (key !== null && DEPARTMENT_FIELDS.has(key)) {
    const ids = Array.isArray(v) ? v : [v];
    if (ids.length === 0) return t('changelog.emptyValue');
    return ids.map((id) => look.departments.get(Number(id)) ?? `#${String(id)}`).join(', ');
  }
  if (key === 'status' && isProgressStatus(v)) return t(STATUS_KEY[v]);
  if (key === 'categoryId' && typeof v === 'number') {
    return look.plan.categories.find((c) => c.id === v)?.name ?? `#${v}`;
  }
  const enumKey = enumText(key, v);
  if (enumKey) return t(enumKey);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x, null, look)).join(', ');
  return recordText(v as Record<string, unknown>, null, look);
}

function fieldsText(r: Record<string, unknown>, keys: string[], look: Lookup): string {
  if (keys.length === 0) return look.t('changelog.emptyValue');
  const shown = keys.slice(0, MAX_FIELDS).map((k) => `${keyLabel(k, look.t)}: ${valueText(r[k], k, look)}`);
  return keys.length > MAX_FIELDS ? `${shown.join('; ')}; …` : shown.join('; ');
}

/** A value object (indicator value, progress entry, base value) by its text; a named thing by its name. */
function recordText(r: Record<string, unknown>, keys: string[] | null, look: Lookup): string {
  if (isValueObject(r)) {
    const status = isProgressStatus(r.status) ? look.t(STATUS_KEY[r.status]) : null;
    if (r.text === '') return status ?? look.t('changelog.emptyValue');
    return status ? `${r.text} · ${status}` : r.text;
  }
  // A whole thing created or deleted is named rather than listed field by field.
  if (keys === null && typeof r.name === 'string') return r.name;
  if (keys === null && typeof r.title === 'string') return r.title;
  return fieldsText(r, keys ?? Object.keys(r).filter((k) => !NOISE.has(k)), look);
}

/** Before and after texts; for two records only the fields that differ are listed. */
export function describeChange(entry: ChangeLogEntry, look: Lookup): { before: string; after: string } {
  if (isAnnualEntity(entry.entity)) return describeAnnual(entry, look.t);
  if (isPlanLifecycle(entry)) return describePlan(entry, look.t);
  const { before, after } = entry;
  const key = entry.field && !/^\d/.test(entry.field) ? (entry.field.split('/').at(-1) ?? null) : null;
  if (isRecord(before) && isRecord(after) && !isValueObject(before) && !isValueObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !NOISE.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    return { before: recordText(before, keys, look), after: recordText(after, keys, look) };
  }
  return { before: valueText(before, key, look), after: valueText(after, key, look) };
}

/**
 * Whether the core can undo this entry (mirrors its revert service): values, progress, field edits of indicators,
 * categories, actions and tasks, deleted indicators and indicators the clerk created, status adjustments; not moves,
 * not the import, not a year's 报送 or 解锁.
 */
export function canRevert(e: ChangeLogEntry): boolean {
  if (e.entityId === null || e.field === 'position') return false;
  if (e.entity === 'department') return e.op === 'update';
  if (e.planId === null) return false;
  switch (e.entity) {
    case 'indicator_value':
    case 'action_progress':
    case 'task_progress':
    case 'evaluation_override':
      return true;
    case 'indicator':
      return e.op !== 'create' || e.actor !== 'system';
    case 'category':
    case 'action':
    case 'task':
      return e.op === 'update';
    default:
      return false;
  }
}
