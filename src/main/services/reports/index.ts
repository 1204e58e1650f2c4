// The registry of report builders: each turns a plan into a ReportTable.
import type { PlanDetail } from '../../../shared/model';
import type { ReportTable } from '../../../shared/report';
import { buildActionAppendix } from './appendix-actions';
import { buildIndicatorAppendix } from './appendix-indicators';

export const APPENDIX_BUILDERS = {
  '1': buildIndicatorAppendix,
  '2': buildActionAppendix,
} as const satisfies Record<string, (d: PlanDetail) => ReportTable>;

export type AppendixNo = keyof typeof APPENDIX_BUILDERS;

export function buildAppendices(d: PlanDetail, which: AppendixNo | 'all'): ReportTable[] {
  return which === 'all' ? [buildIndicatorAppendix(d), buildActionAppendix(d)] : [APPENDIX_BUILDERS[which](d)];
}
