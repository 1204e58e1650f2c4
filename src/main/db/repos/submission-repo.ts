import type { YearSubmission } from '../../../shared/model';
import type { Db } from '../connection';

export interface SubmittedFile {
  format: 'xlsx' | 'pdf';
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
}

/** 报送 records: which years of a plan are submitted, with the files sent. */
export function createSubmissionRepo(db: Db) {
  const byPlan = db.prepare(
    `SELECT plan_id AS planId, year, submitted_at AS submittedAt, submitted_by AS submittedBy
     FROM year_submission WHERE plan_id = ? ORDER BY year`,
  );
  const filesOf = db.prepare(
    `SELECT format, file_name AS fileName, sha256, length(bytes) AS size
     FROM year_submission_file WHERE plan_id = ? AND year = ? ORDER BY format DESC`,
  );
  const one = db.prepare(`SELECT 1 FROM year_submission WHERE plan_id = ? AND year = ?`);
  const insert = db.prepare(
    `INSERT INTO year_submission (plan_id, year, submitted_at, submitted_by) VALUES (?, ?, ?, ?)`,
  );
  const insertFile = db.prepare(
    `INSERT INTO year_submission_file (plan_id, year, format, file_name, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const file = db.prepare(
    `SELECT format, file_name AS fileName, sha256, bytes FROM year_submission_file
     WHERE plan_id = ? AND year = ? AND format = ?`,
  );
  const remove = db.prepare(`DELETE FROM year_submission WHERE plan_id = ? AND year = ?`);

  const withFiles = (s: Omit<YearSubmission, 'files'>): YearSubmission => ({
    ...s,
    files: filesOf.all(s.planId, s.year) as YearSubmission['files'],
  });

  return {
    list: (planId: number): YearSubmission[] => (byPlan.all(planId) as Omit<YearSubmission, 'files'>[]).map(withFiles),
    get: (planId: number, year: number): YearSubmission | undefined =>
      (byPlan.all(planId) as Omit<YearSubmission, 'files'>[]).map(withFiles).find((s) => s.year === year),
    isSubmitted: (planId: number, year: number): boolean => one.get(planId, year) !== undefined,
    add(s: Omit<YearSubmission, 'files'>, files: SubmittedFile[]): void {
      insert.run(s.planId, s.year, s.submittedAt, s.submittedBy);
      for (const f of files) insertFile.run(s.planId, s.year, f.format, f.fileName, f.sha256, Buffer.from(f.bytes));
    },
    file: (planId: number, year: number, format: 'xlsx' | 'pdf'): SubmittedFile | undefined =>
      file.get(planId, year, format) as SubmittedFile | undefined,
    remove: (planId: number, year: number): void => void remove.run(planId, year),
  };
}
