// The one-page summary that opens the annual submission (年度实施情况汇总): plain data, built by
// services/reports/annual-summary.ts and laid out by summary-pdf.ts. It belongs next to ReportTable in
// shared/report.ts (so that a preview could show it too); it lives here until that file takes it.
import type { EvalStatus } from '../../shared/evaluate';
import type { ProgressStatus } from '../../shared/model';

export interface StatusCount {
  status: EvalStatus;
  /** 提前实现 … 无数据 (STATUS_LABELS) */
  label: string;
  /** indicators with this status, manual overrides included */
  count: number;
  /** of which a clerk set by hand (人工调整) */
  overridden: number;
}

export interface SummaryIndicator {
  id: number;
  seq: string;
  /** the name as printed, unit included */
  name: string;
  binding: boolean;
  status: EvalStatus;
  label: string;
  /** the status is a clerk's override */
  overridden: boolean;
}

export interface ProgressCount {
  status: ProgressStatus | 'none';
  /** 未开始 / 推进中 / 已完成 / 滞后 / 未填报 */
  label: string;
  count: number;
}

export interface ProgressSummary {
  /** 十大行动 / 主要任务 */
  label: string;
  total: number;
  counts: ProgressCount[];
}

export interface AnnualSummary {
  year: number;
  /** the title in its natural parts, where a line may break: [plan title, "2022年度实施情况汇总"] */
  titleParts: string[];
  indicatorTotal: number;
  /** every status, in the order 提前实现, 快于预期, 基本符合预期, 滞后, 无数据 (zero counts included) */
  statuses: StatusCount[];
  /** indicators whose status is a clerk's override */
  overriddenTotal: number;
  /** 滞后 indicators: 约束性 first, then in plan order */
  lagging: SummaryIndicator[];
  /** 约束性 indicators: 滞后 first, then in plan order */
  binding: SummaryIndicator[];
  /** 十大行动, then 主要任务 */
  progress: ProgressSummary[];
}
