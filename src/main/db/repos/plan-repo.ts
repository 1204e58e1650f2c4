import type { Appendix, Category, Department, PlanMeta, PlanStatus, PlanSummary } from '../../../shared/model';
import { appendixLayoutSchema, defaultAppendixLayout, type AppendixLayout } from '../../../shared/plan-import';
import type { Db } from '../connection';

interface PlanRow extends Omit<PlanMeta, 'issuers' | 'targetYears' | 'appendixLayout'> {
  issuers: string;
  targetYears: string;
  appendixLayout: string | null;
}

export interface NewPlan {
  title: string;
  shortName: string;
  issuers: string[];
  docNumber: string | null;
  issueDate: string | null;
  firstYear: number;
  lastYear: number;
  baseYear: number | null;
  targetYears: number[];
  status: PlanStatus;
  sourceFile: string | null;
  sourceText: string | null;
  /** the columns its 附件1 prints; omitted: PlanDesk's usual layout for the target years */
  appendixLayout?: AppendixLayout | null;
  now: string;
}

/** The stored layout, or the usual one when it is missing or unreadable (a hand-edited database). */
function readLayout(r: PlanRow, targetYears: number[]): AppendixLayout {
  if (r.appendixLayout !== null) {
    try {
      const parsed = appendixLayoutSchema.safeParse(JSON.parse(r.appendixLayout));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the usual layout
    }
  }
  return defaultAppendixLayout({ targetYears, lastYear: r.lastYear });
}

const PLAN_COLUMNS = `p.id, p.title, p.short_name AS shortName, p.first_year AS firstYear, p.last_year AS lastYear,
  p.base_year AS baseYear, p.status, p.updated_at AS updatedAt,
  (SELECT count(*) FROM indicator i WHERE i.plan_id = p.id) AS indicatorCount`;

export function createPlanRepo(db: Db) {
  const list = db.prepare(`SELECT ${PLAN_COLUMNS} FROM plan p ORDER BY p.first_year DESC, p.id`);
  const byId = db.prepare(
    `SELECT ${PLAN_COLUMNS}, p.issuers, p.doc_number AS docNumber, p.issue_date AS issueDate,
            p.target_years AS targetYears, p.source_file AS sourceFile, p.appendix_layout AS appendixLayout
       FROM plan p WHERE p.id = @id`,
  );
  const idByShortName = db.prepare(`SELECT id FROM plan WHERE short_name = @shortName`);
  const sourceText = db.prepare(`SELECT source_text AS sourceText FROM plan WHERE id = @id`);
  const insertPlan = db.prepare(
    `INSERT INTO plan (title, short_name, issuers, doc_number, issue_date, first_year, last_year, base_year,
                       target_years, status, source_file, source_text, appendix_layout, created_at, updated_at)
     VALUES (@title, @shortName, @issuers, @docNumber, @issueDate, @firstYear, @lastYear, @baseYear,
             @targetYears, @status, @sourceFile, @sourceText, @appendixLayout, @now, @now)`,
  );
  const touch = db.prepare(`UPDATE plan SET updated_at = @now WHERE id = @id`);
  const insertAppendix = db.prepare(
    `INSERT INTO appendix (plan_id, kind, label, title) VALUES (@planId, @kind, @label, @title)`,
  );
  const appendices = db.prepare(`SELECT kind, label, title FROM appendix WHERE plan_id = @planId ORDER BY rowid`);
  const categories = db.prepare(
    `SELECT id, name, sort_order AS sortOrder FROM category WHERE plan_id = @planId ORDER BY sort_order`,
  );
  const insertCategory = db.prepare(
    `INSERT INTO category (plan_id, name, sort_order) VALUES (@planId, @name, @sortOrder)`,
  );
  const updateCategory = db.prepare(`UPDATE category SET name = @name, sort_order = @sortOrder WHERE id = @id`);
  const deleteCategory = db.prepare(`DELETE FROM category WHERE id = @id`);
  const categoryById = db.prepare(
    `SELECT id, plan_id AS planId, name, sort_order AS sortOrder FROM category WHERE id = @id`,
  );
  const categorySize = db.prepare(`SELECT count(*) AS n FROM indicator WHERE category_id = @id`);
  const departmentById = db.prepare(`SELECT id, name FROM department WHERE id = @id`);
  const renameDepartment = db.prepare(`UPDATE department SET name = @name WHERE id = @id`);
  const deleteDepartment = db.prepare(`DELETE FROM department WHERE id = @id`);
  const departments = db.prepare(`SELECT id, name FROM department ORDER BY sort_order, id`);
  const departmentByName = db.prepare(`SELECT id FROM department WHERE name = @name`);
  const insertDepartment = db.prepare(`INSERT INTO department (name, sort_order) VALUES (@name, @sortOrder)`);

  return {
    list: () => list.all() as PlanSummary[],
    get(id: number): PlanMeta | undefined {
      const r = byId.get({ id }) as PlanRow | undefined;
      if (!r) return undefined;
      const targetYears = JSON.parse(r.targetYears) as number[];
      return {
        ...r,
        issuers: JSON.parse(r.issuers) as string[],
        targetYears,
        appendixLayout: readLayout(r, targetYears),
      };
    },
    idByShortName: (shortName: string) => (idByShortName.get({ shortName }) as { id: number } | undefined)?.id,
    sourceText: (id: number) => (sourceText.get({ id }) as { sourceText: string | null } | undefined)?.sourceText,
    insert(p: NewPlan): number {
      const r = insertPlan.run({
        ...p,
        issuers: JSON.stringify(p.issuers),
        targetYears: JSON.stringify(p.targetYears),
        appendixLayout: JSON.stringify(p.appendixLayout ?? defaultAppendixLayout(p)),
      });
      return Number(r.lastInsertRowid);
    },
    touch: (id: number, now: string) => touch.run({ id, now }),
    insertAppendix: (planId: number, a: Appendix) => insertAppendix.run({ planId, ...a }),
    appendices: (planId: number) => appendices.all({ planId }) as Appendix[],
    categories: (planId: number) => categories.all({ planId }) as Category[],
    insertCategory: (planId: number, name: string, sortOrder: number) =>
      Number(insertCategory.run({ planId, name, sortOrder }).lastInsertRowid),
    category: (id: number) => categoryById.get({ id }) as (Category & { planId: number }) | undefined,
    updateCategory: (c: Category) => updateCategory.run(c),
    deleteCategory: (id: number) => deleteCategory.run({ id }),
    categorySize: (id: number) => (categorySize.get({ id }) as { n: number }).n,
    departments: () => departments.all() as Department[],
    department: (id: number) => departmentById.get({ id }) as Department | undefined,
    renameDepartment: (d: Department) => renameDepartment.run(d),
    deleteDepartment: (id: number) => deleteDepartment.run({ id }),
    departmentId(name: string, sortOrder: number): number {
      const found = departmentByName.get({ name }) as { id: number } | undefined;
      return found ? found.id : Number(insertDepartment.run({ name, sortOrder }).lastInsertRowid);
    },
  };
}

export type PlanRepo = ReturnType<typeof createPlanRepo>;
