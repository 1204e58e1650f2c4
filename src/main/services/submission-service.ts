// 报送 (DOMAIN.md §7): the annual workbook and PDF are rendered, kept byte for byte with their SHA-256, and the year's
// actuals become read-only. Unlocking needs a written reason; both are in the change log.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { YearSubmission } from '../../shared/model';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import type { SubmittedFile } from '../db/repos/submission-repo';
import type { Clock } from './clock';
import { changeRecorder } from './change-recorder';
import { MIME, type ExportFile, type ReportService } from './report-service';
import { assertPlanOpen } from './plan-guard';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function createSubmissionService(db: Db, repos: Repos, clock: Clock, reports: ReportService) {
  function planOrThrow(planId: number) {
    const plan = repos.plans.get(planId);
    if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的规划。`);
    assertPlanOpen(repos, planId);
    return plan;
  }

  return {
    isLocked: (planId: number, year: number): boolean => repos.submissions.isSubmitted(planId, year),

    async submit(planId: number, year: number, actor: string): Promise<YearSubmission> {
      const plan = planOrThrow(planId);
      if (year < plan.firstYear || year > plan.lastYear) {
        throw new AppError('VALIDATION', `年份 ${year} 不在规划期 ${plan.firstYear}—${plan.lastYear} 年之内。`);
      }
      if (repos.submissions.isSubmitted(planId, year)) {
        throw new AppError('CONFLICT', `${year} 年已报送。如需修改，请先解锁并写明理由。`);
      }
      // Rendered outside the transaction (the PDF takes a moment); the data cannot change in between because the
      // writer is this process and JavaScript runs one call at a time until the await returns.
      const rendered: ExportFile[] = [
        await reports.exportAnnual(planId, year, 'xlsx'),
        await reports.exportAnnual(planId, year, 'pdf'),
      ];
      const files: SubmittedFile[] = rendered.map((f) => ({
        format: f.mimeType === MIME.pdf ? 'pdf' : 'xlsx',
        fileName: f.fileName,
        sha256: sha256(f.bytes),
        bytes: f.bytes,
      }));
      const now = clock.now();
      return db.transaction(() => {
        if (repos.submissions.isSubmitted(planId, year)) {
          throw new AppError('CONFLICT', `${year} 年已报送。如需修改，请先解锁并写明理由。`);
        }
        repos.submissions.add({ planId, year, submittedAt: now, submittedBy: actor }, files);
        const after = repos.submissions.get(planId, year)!;
        changeRecorder(repos, now, actor)(planId, 'year_submission', planId, 'create', null, after, String(year));
        repos.plans.touch(planId, now);
        return after;
      })();
    },

    unlock(planId: number, year: number, reason: string, actor: string): { ok: true } {
      planOrThrow(planId);
      const why = reason.trim();
      if (why === '') throw new AppError('VALIDATION', '解锁已报送的年度必须写明理由。');
      const now = clock.now();
      return db.transaction(() => {
        const before = repos.submissions.get(planId, year);
        if (!before) throw new AppError('CONFLICT', `${year} 年尚未报送，无需解锁。`);
        repos.submissions.remove(planId, year);
        changeRecorder(repos, now, actor)(
          planId,
          'year_submission',
          planId,
          'update',
          before,
          { year, unlocked: true, reason: why },
          String(year),
        );
        repos.plans.touch(planId, now);
        return { ok: true as const };
      })();
    },

    file(planId: number, year: number, format: 'xlsx' | 'pdf'): ExportFile {
      const f = repos.submissions.file(planId, year, format);
      if (!f) throw new AppError('NOT_FOUND', `${year} 年没有已报送的${format === 'pdf' ? ' PDF' : ' Excel'} 文件。`);
      return { fileName: f.fileName, mimeType: MIME[format], bytes: new Uint8Array(f.bytes), warnings: [] };
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
