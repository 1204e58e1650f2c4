// Domain model shared by main, renderer and tests. Plain serialisable data only.

/** 属性: 预期性 / 约束性 */
export type IndicatorNature = 'expected' | 'binding';
/** 方向: higher is better / lower is better / keep at a level */
export type IndicatorDirection = 'increase' | 'decrease' | 'maintain';
/** 目标类型: a level in the year / a yearly average (年均) / a cumulative sum (累计) */
export type TargetKind = 'level' | 'yearly_average' | 'cumulative';
export type ValueKind = 'target' | 'actual';
export type PlanStatus = 'active' | 'closed' | 'draft';

/** How a clerk's verbatim value was understood (see value.ts). */
export type Comparator = '>=' | '<=' | '>' | '<' | '=' | '~';

export interface ParsedValue {
  /** exactly what the clerk (or the plan) wrote */
  text: string;
  comparator: Comparator | null;
  number: number | null;
  /** digits after the decimal point as written ("3.035" → 3, "2" → 0) */
  decimals: number | null;
  /** unit words written after the number ("%", "万户", "批次/千人") */
  unit: string | null;
  /** false when the text carries no number we can compare (e.g. "稳步提升") */
  evaluable: boolean;
}

export interface PlanSummary {
  id: number;
  title: string;
  shortName: string;
  firstYear: number;
  lastYear: number;
  baseYear: number | null;
  status: PlanStatus;
  indicatorCount: number;
  updatedAt: string;
}

export interface PlanMeta extends PlanSummary {
  issuers: string[];
  docNumber: string | null;
  issueDate: string | null;
  /** the years for which the plan itself publishes targets (附件1 columns) */
  targetYears: number[];
  sourceFile: string | null;
  /** the columns 附件1 prints (migration 0004); absent: derived from targetYears (defaultAppendixLayout) */
  appendixLayout?: import('./plan-import').AppendixLayout;
}

export interface Department {
  id: number;
  name: string;
}

export interface Category {
  id: number;
  name: string;
  sortOrder: number;
}

export interface IndicatorValue extends ParsedValue {
  year: number;
  kind: ValueKind;
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface BaseValue extends ParsedValue {
  year: number | null;
  source: string | null;
}

export interface Indicator {
  id: number;
  categoryId: number;
  seq: string;
  /** the name as printed in the plan, unit included: 在册市场主体总量（万户） */
  printedName: string;
  name: string;
  unit: string | null;
  nature: IndicatorNature | null;
  direction: IndicatorDirection | null;
  targetKind: TargetKind;
  base: BaseValue | null;
  departmentId: number | null;
  dataSource: string | null;
  remark: string | null;
  sortOrder: number;
  values: IndicatorValue[];
}

/** 进展状态: 未开始 / 推进中 / 已完成 / 滞后 */
export type ProgressStatus = 'not_started' | 'in_progress' | 'done' | 'lagging';

export interface ProgressEntry {
  year: number;
  text: string;
  status: ProgressStatus | null;
  updatedAt: string;
  updatedBy: string;
}

export interface Action {
  id: number;
  seq: string;
  name: string;
  goal: string;
  departmentId: number | null;
  remark: string | null;
  sortOrder: number;
  progress: ProgressEntry[];
}

export interface TaskGroup {
  id: number;
  seq: string;
  title: string;
  sortOrder: number;
}

export interface Task {
  id: number;
  groupId: number;
  seq: string;
  title: string;
  text: string;
  leadDepartmentId: number | null;
  cooperatingDepartmentIds: number[];
  deadline: string | null;
  sortOrder: number;
  progress: ProgressEntry[];
}

export interface Appendix {
  kind: 'indicators' | 'actions';
  /** 附件1 */
  label: string;
  title: string;
}

/** A clerk's written override of the computed status (评价) of one indicator in one year. */
export interface EvaluationOverride {
  indicatorId: number;
  year: number;
  status: 'achieved_early' | 'ahead' | 'on_track' | 'lagging' | 'no_data';
  reason: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PlanDetail {
  plan: PlanMeta;
  appendices: Appendix[];
  departments: Department[];
  categories: Category[];
  indicators: Indicator[];
  actions: Action[];
  taskGroups: TaskGroup[];
  tasks: Task[];
  overrides: EvaluationOverride[];
  /** years submitted (报送): their actuals are read-only until unlocked with a reason */
  submissions: YearSubmission[];
}

/** A year's 报送: the files sent, kept byte for byte with their SHA-256. */
export interface YearSubmission {
  planId: number;
  year: number;
  submittedAt: string;
  submittedBy: string;
  files: { format: 'xlsx' | 'pdf'; fileName: string; sha256: string; size: number }[];
}

export interface ChangeLogEntry {
  id: number;
  at: string;
  actor: string;
  planId: number | null;
  entity: string;
  entityId: number | null;
  field: string | null;
  op: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  /** where the change came from when not typed in: the imported file's name */
  source?: string | null;
}
