// Importing returned workbooks (DOMAIN.md §7): preview first, write only on confirmation, in one transaction, each
// change logged with the file, sheet and cell it came from. Importing the same files twice changes nothing.
import { createHash } from 'node:crypto';
import type { ValueChange } from '../../shared/api-schemas';
import { DEFAULT_EVAL, evaluateIndicator } from '../../shared/evaluate';
import { AppError } from '../../shared/errors';
import type {
  ImportApplyResult,
  ImportChange,
  ImportConflict,
  ImportFileSummary,
  ImportPreview,
  ImportProblem,
} from '../../shared/import';
import type { Indicator, PlanDetail } from '../../shared/model';
import { parseValue } from '../../shared/value';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import { readValuesSheet, type ReadRow, type SheetReading } from '../import/values-sheet';
import { readWorkbook } from '../import/workbook-file';
import { lockedYearMessage, type IndicatorService } from './indicator-service';
import type { PlanService } from './plan-service';
import { annualRemark } from './reports/annual';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** "2.60" and 2.6, "95" and "95.0": the same value, so no change (the stored text is kept). */
export function sameValue(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const x = parseValue(a);
  const y = parseValue(b);
  return (
    x.evaluable &&
    y.evaluable &&
    x.number === y.number &&
    x.comparator === y.comparator &&
    (x.unit ?? '') === (y.unit ?? '')
  );
}

/** A value one file proposes for one indicator's actual in one year. */
interface Proposal {
  row: ReadRow;
  file: string;
  year: number;
  kind: SheetReading['kind'];
}

interface Analysis {
  preview: ImportPreview;
  /** per source (file · sheet!cell), the changes to write */
  writes: { source: string; change: ValueChange }[];
}

export function createImportService(
  db: Db,
  repos: Repos,
  plans: PlanService,
  indicators: IndicatorService,
  backup: () => void = () => {},
) {
  async function readFile(
    f: IncomingFile,
    d: PlanDetail,
  ): Promise<{ summary: ImportFileSummary; problems: ImportProblem[]; proposals: Proposal[] }> {
    const summary: ImportFileSummary = {
      file: f.name,
      sha256: sha256(f.bytes),
      kind: 'unknown',
      year: null,
      matched: 0,
      changed: 0,
      unchanged: 0,
      rejected: true,
    };
    const problems: ImportProblem[] = [];
    const fail = (message: string, sheet: string | null = null, cell: string | null = null) => {
      problems.push({ file: f.name, sheet, cell, message, severity: 'error' });
      return { summary, problems, proposals: [] };
    };
    const read = await readWorkbook(f.bytes);
    if (!read.ok) return fail(read.message);
    const readings = read.sheets.flatMap((s) => {
      const r = readValuesSheet(s, d.indicators, f.name);
      return r ? [r] : [];
    });
    if (readings.length === 0) {
      return fail(
        '文件中没有找到带“序号”“指标名称”“完成值”表头的指标表。这可能是其他表格（如规划附件），不是年度报送表或科室填报表。',
      );
    }
    const proposals: Proposal[] = [];
    for (const r of readings) {
      problems.push(...r.problems);
      const sheet = r.sheet;
      summary.kind = r.kind;
      summary.year = r.year;
      summary.matched += r.matched;
      if (r.year === null) {
        fail('无法确定这张表是哪一年的：表头应为“2022年完成值”，或标题中写明“2022年度”。', sheet);
        continue;
      }
      const { firstYear, lastYear } = d.plan;
      if (r.year < firstYear || r.year > lastYear) {
        fail(`表中的年份 ${r.year} 不在规划期 ${firstYear}—${lastYear} 年之内。`, sheet);
        continue;
      }
      if (d.submissions.some((s) => s.year === r.year)) {
        fail(lockedYearMessage(r.year), sheet);
        continue;
      }
      for (const row of r.rows) proposals.push({ row, file: f.name, year: r.year, kind: r.kind });
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      problems.push({
        file: f.name,
        sheet: null,
        cell: null,
        severity: 'error',
        message: `此文件有 ${errors} 处错误，为避免只导入一部分，整份文件未导入。请改正后重新导入。`,
      });
      return { summary, problems, proposals: [] };
    }
    summary.rejected = false;
    return { summary, problems, proposals };
  }

  async function analyse(planId: number, files: IncomingFile[]): Promise<Analysis> {
    const d = plans.get(planId);
    const results = [];
    for (const f of files) results.push(await readFile(f, d));
    const problems = results.flatMap((r) => r.problems);
    const summaries = results.map((r) => r.summary);
    const byFile = new Map(summaries.map((s) => [s.file, s]));

    // Same cell from several files: fine when they agree, a conflict (nothing imported for it) when they do not.
    const groups = new Map<string, Proposal[]>();
    for (const p of results.flatMap((r) => r.proposals)) {
      const key = `${p.row.indicator.id}/${p.year}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const changes: ImportChange[] = [];
    const unchanged: ImportPreview['unchanged'] = [];
    const conflicts: ImportConflict[] = [];
    const writes: Analysis['writes'] = [];
    for (const group of groups.values()) {
      const first = group[0]!;
      const ind = first.row.indicator;
      const texts = group.map((p) => p.row.text).filter((t): t is string => t !== null);
      if (texts.some((t) => !sameValue(t, texts[0]!))) {
        conflicts.push({
          indicatorId: ind.id,
          seq: ind.seq,
          name: ind.name,
          year: first.year,
          values: group.map((p) => ({ file: p.file, sheet: p.row.sheet, cell: p.row.valueCell, text: p.row.text })),
        });
        continue;
      }
      // A row left empty in every file is not a change and not a confirmation either.
      if (group.every((p) => p.row.text === null && p.row.note === null)) continue;
      const source = group.find((p) => p.row.text !== null) ?? first;
      const change = proposeChange(d, ind, source, group, problems);
      const summary = byFile.get(source.file)!;
      if (!change) {
        for (const p of group) byFile.get(p.file)!.unchanged++;
        unchanged.push({ indicatorId: ind.id, seq: ind.seq, name: ind.name, file: source.file });
        continue;
      }
      summary.changed++;
      changes.push(change);
      writes.push({
        source: `${source.file} · ${source.row.sheet}!${change.cell}`,
        change: {
          indicatorId: ind.id,
          year: source.year,
          kind: 'actual',
          text: change.after ?? '',
          ...(change.noteAfter !== undefined ? { note: change.noteAfter } : {}),
        },
      });
    }
    const token = sha256(
      JSON.stringify([
        planId,
        changes.map((c) => [c.indicatorId, c.year, c.before, c.after, c.noteBefore, c.noteAfter]),
      ]),
    );
    return {
      preview: { planId, files: summaries, changes, unchanged, conflicts, problems, token },
      writes,
    };
  }

  function proposeChange(
    d: PlanDetail,
    ind: Indicator,
    p: Proposal,
    group: Proposal[],
    problems: ImportProblem[],
  ): ImportChange | null {
    const current = ind.values.find((v) => v.year === p.year && v.kind === 'actual');
    const before = current?.text ?? null;
    const note = group.map((g) => g.row.note).find((n) => n !== null) ?? null;
    const noteSource = group.find((g) => g.row.note !== null);
    // The annual workbook prints reminders and override reasons into 备注: that printed text is not a new note.
    const printed = p.kind === 'annual' ? annualRemark(ind, p.year, evaluate(d, ind, p.year)) : null;
    const noteChanged = note !== null && note !== (current?.note ?? null) && note !== printed;
    const after = p.row.text ?? before;
    if (after === null) {
      if (noteChanged) {
        problems.push({
          file: noteSource!.file,
          sheet: noteSource!.row.sheet,
          cell: noteSource!.row.noteCell,
          severity: 'warning',
          message: `“${ind.name}”写了情况说明但没有填完成值，说明未导入。`,
        });
      }
      return null;
    }
    const valueChanged = before === null || !sameValue(before, after);
    if (!valueChanged && !noteChanged) return null;
    return {
      file: p.file,
      sheet: p.row.sheet,
      cell: p.row.valueCell,
      indicatorId: ind.id,
      seq: ind.seq,
      name: ind.name,
      year: p.year,
      kind: 'actual',
      before,
      after: valueChanged ? after : before,
      ...(noteChanged ? { noteBefore: current?.note ?? null, noteAfter: note } : {}),
    };
  }

  function evaluate(d: PlanDetail, ind: Indicator, year: number) {
    const manual = d.overrides.find((o) => o.indicatorId === ind.id && o.year === year);
    return evaluateIndicator(ind, d.plan, year, {
      ...DEFAULT_EVAL,
      override: manual ? { status: manual.status, reason: manual.reason } : null,
    });
  }

  return {
    /** What the files would change. Writes nothing. */
    async preview(planId: number, files: IncomingFile[]): Promise<ImportPreview> {
      return (await analyse(planId, files)).preview;
    },
    /** Writes the previewed changes if nothing moved since the preview (same token). */
    async apply(planId: number, files: IncomingFile[], token: string, actor: string): Promise<ImportApplyResult> {
      const { preview, writes } = await analyse(planId, files);
      if (preview.token !== token) {
        throw new AppError(
          'CONFLICT',
          '预览之后数据或文件有了变化，为避免导入与预览不一致，未写入。请重新预览后再确认。',
        );
      }
      if (writes.length === 0) return { applied: 0, logged: 0 };
      backup();
      const before = repos.changeLog.list({ planId, limit: 1, offset: 0 }).total;
      db.transaction(() => {
        for (const w of writes) indicators.updateValues(planId, [w.change], actor, w.source);
      })();
      const after = repos.changeLog.list({ planId, limit: 1, offset: 0 }).total;
      return { applied: writes.length, logged: after - before };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
