// Importing a plan from a workbook laid out like a plan appendix (issue 6): a preview first (the plan, its categories
// and indicators, the appendix layout, problems by file/sheet/cell), then the plan created in one transaction through
// insertPlan — only if the file and the options still give the plan that was previewed (same token).
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { PlanSummary } from '../../shared/model';
import type { PlanImportPreview } from '../../shared/plan-import';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import { insertPlan, planFileSchema, type PlanFile } from '../db/seed';
import { readPlanWorkbook } from '../import/plan-workbook';
import type { Clock } from './clock';

export interface PlanImportInput {
  /** the file's name as the clerk sees it */
  name: string;
  bytes: Uint8Array;
  /** the clerk's short name and title, replacing what the workbook's title gives */
  shortName?: string;
  title?: string;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

const duplicateMessage = (shortName: string) =>
  `已有简称为“${shortName}”的规划。请在导入时另填一个简称（如“${shortName}（新）”），或先查看已有的规划。`;

function incomplete(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `读出的规划不完整（${issue?.path.map(String).join('.') ?? ''}：${issue?.message ?? ''}），未导入。`;
}

export function createPlanImportService(db: Db, repos: Repos, clock: Clock, backup: () => void = () => {}) {
  async function analyse(input: PlanImportInput): Promise<{ preview: PlanImportPreview; file: PlanFile }> {
    const { file, preview } = await readPlanWorkbook(input);
    const problems = [...preview.problems];
    const shortName = file.plan.shortName;
    const existing = shortName === '' ? undefined : repos.plans.idByShortName(shortName);
    if (existing !== undefined) {
      problems.push({
        file: input.name,
        sheet: null,
        cell: null,
        severity: 'error',
        message: duplicateMessage(shortName),
      });
    }
    // What the reader cannot get wrong in a way a clerk could fix is still checked before the preview is shown.
    const valid = planFileSchema.safeParse(file);
    if (!valid.success && !problems.some((p) => p.severity === 'error')) {
      problems.push({ file: input.name, sheet: null, cell: null, severity: 'error', message: incomplete(valid.error) });
    }
    const digest = sha256(input.bytes);
    // The token covers the file and everything the plan would be made of (options included), not the database:
    // a plan created meanwhile under the same short name is refused on its own.
    const token = sha256(JSON.stringify([digest, file]));
    return { preview: { ...preview, sha256: digest, problems, token }, file };
  }

  return {
    /** The plan the workbook would create, with its problems. Writes nothing. */
    async preview(input: PlanImportInput): Promise<PlanImportPreview> {
      return (await analyse(input)).preview;
    },

    /** Creates the previewed plan in one transaction; refused when anything differs from the preview. */
    async apply(input: PlanImportInput, token: string, actor: string): Promise<PlanSummary> {
      const { preview, file } = await analyse(input);
      if (preview.token !== token) {
        throw new AppError(
          'CONFLICT',
          '预览之后文件或导入选项（简称、规划名称）有了变化，为避免导入与预览不一致，未导入。请重新预览后再确认。',
        );
      }
      const shortName = file.plan.shortName;
      if (shortName !== '' && repos.plans.idByShortName(shortName) !== undefined) {
        throw new AppError('CONFLICT', duplicateMessage(shortName));
      }
      const errors = preview.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'VALIDATION',
          `文件中有 ${errors.length} 处错误（见预览），为避免只导入一部分，规划未创建。请改正后重新导入。第一处：${errors[0]!.message}`,
          { problems: errors },
        );
      }
      const valid = planFileSchema.safeParse(file);
      if (!valid.success) throw new AppError('VALIDATION', incomplete(valid.error));
      backup();
      const now = clock.now();
      const planId = db.transaction(() => {
        // Checked again inside the transaction: another window may have created the plan a moment ago.
        if (repos.plans.idByShortName(shortName) !== undefined)
          throw new AppError('CONFLICT', duplicateMessage(shortName));
        return insertPlan(repos, valid.data, null, { now, actor, source: input.name });
      })();
      return repos.plans.list().find((p) => p.id === planId)!;
    },
  };
}

export type PlanImportService = ReturnType<typeof createPlanImportService>;
