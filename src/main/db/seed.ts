// The plan as data (resources/seed/plan.json), validated, then written into a database in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { appendixLayoutSchema } from '../../shared/plan-import';
import { parseValue } from '../../shared/value';
import type { Repos } from './repos';

const text = z.string().min(1);
const nullableText = z.string().min(1).nullable();
const year = z.number().int().min(1949).max(2200);

const indicatorSchema = z.object({
  seq: text,
  printedName: text,
  name: text,
  unit: nullableText,
  nature: z.enum(['expected', 'binding']).nullable(),
  direction: z.enum(['increase', 'decrease', 'maintain']).nullable(),
  targetKind: z.enum(['level', 'yearly_average', 'cumulative']),
  targets: z.record(z.string().regex(/^\d{4}$/), text),
  base: z.object({ year: year.nullable(), text, source: nullableText }).nullable(),
  remark: nullableText,
  /** 责任科室 by name (created when missing) and 数据来源, as an imported appendix may print them */
  department: nullableText.optional(),
  dataSource: nullableText.optional(),
});

export const planFileSchema = z.object({
  format: z.literal('plandesk-plan/1'),
  sourceFile: nullableText,
  plan: z.object({
    title: text,
    shortName: text,
    issuers: z.array(text),
    docNumber: nullableText,
    issueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    firstYear: year,
    lastYear: year,
    baseYear: year.nullable(),
    targetYears: z.array(year),
    appendices: z.array(z.object({ kind: z.enum(['indicators', 'actions']), label: text, title: text })),
    /** the columns 附件1 prints; omitted: PlanDesk's usual layout for targetYears */
    appendixLayout: appendixLayoutSchema.optional(),
  }),
  departments: z.array(text),
  categories: z.array(z.object({ name: text, indicators: z.array(indicatorSchema).min(1) })),
  actions: z.array(z.object({ seq: text, name: text, goal: z.string(), remark: nullableText })),
  taskGroups: z.array(
    z.object({
      seq: text,
      title: text,
      tasks: z.array(z.object({ seq: text, title: text, text })),
    }),
  ),
});

export type PlanFile = z.infer<typeof planFileSchema>;

export const SEED_FILE = 'plan.json';

/** Reads and validates `resources/seed/plan.json` and the plan document it names. */
export function loadSeed(resourcesDir: string): { plan: PlanFile; sourceText: string | null } {
  const dir = path.join(resourcesDir, 'seed');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dir, SEED_FILE), 'utf8'));
  } catch (e) {
    throw new AppError('INTERNAL', `内置规划数据无法读取：${path.join(dir, SEED_FILE)}（${(e as Error).message}）`);
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `内置规划数据格式有误：${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  }
  const plan = parsed.data;
  const sourceText = plan.sourceFile ? fs.readFileSync(path.join(dir, plan.sourceFile), 'utf8') : null;
  return { plan, sourceText };
}

/** Writes a whole plan; the caller owns the transaction. Every row written is recorded in the change log. */
export function insertPlan(
  repos: Repos,
  file: PlanFile,
  sourceText: string | null,
  who: { now: string; actor: string; source?: string | null },
): number {
  const { plan: p } = file;
  const log = (planId: number | null, entity: string, entityId: number, after: unknown) =>
    repos.changeLog.append({
      at: who.now,
      actor: who.actor,
      planId,
      entity,
      entityId,
      field: null,
      op: 'create',
      before: null,
      after,
      source: who.source ?? null,
    });

  const { appendices, ...meta } = p;
  const planId = repos.plans.insert({
    ...meta,
    status: 'active',
    sourceFile: file.sourceFile,
    sourceText,
    now: who.now,
  });
  log(planId, 'plan', planId, meta);
  for (const a of appendices) repos.plans.insertAppendix(planId, a);
  file.departments.forEach((name, i) => repos.plans.departmentId(name, i));
  // An indicator's 科室 by name; one not yet known is created (logged as the 科室 list's own changes are).
  const departmentOf = (name: string | null | undefined): number | null => {
    if (!name) return null;
    const known = repos.plans.departments().find((d) => d.name === name);
    if (known) return known.id;
    const id = repos.plans.departmentId(name, repos.plans.departments().length);
    log(null, 'department', id, { id, name });
    return id;
  };

  let order = 0;
  file.categories.forEach((c, ci) => {
    const categoryId = repos.plans.insertCategory(planId, c.name, ci + 1);
    log(planId, 'category', categoryId, { name: c.name });
    for (const ind of c.indicators) {
      const { targets, base, department, dataSource, ...rest } = ind;
      const indicatorId = repos.indicators.insert({
        ...rest,
        planId,
        categoryId,
        base: base ? { ...parseValue(base.text), year: base.year, source: base.source } : null,
        departmentId: departmentOf(department),
        dataSource: dataSource ?? null,
        sortOrder: ++order,
      });
      log(planId, 'indicator', indicatorId, ind);
      for (const [y, t] of Object.entries(targets)) {
        repos.indicators.upsertValue({
          ...parseValue(t),
          indicatorId,
          year: Number(y),
          kind: 'target',
          note: null,
          updatedAt: who.now,
          updatedBy: who.actor,
        });
      }
    }
  });
  file.actions.forEach((a, i) => {
    const id = repos.work.insertAction({ ...a, planId, departmentId: null, sortOrder: i + 1 });
    log(planId, 'action', id, a);
  });
  file.taskGroups.forEach((g, gi) => {
    const groupId = repos.work.insertTaskGroup({ planId, seq: g.seq, title: g.title, sortOrder: gi + 1 });
    log(planId, 'task_group', groupId, { seq: g.seq, title: g.title });
    g.tasks.forEach((t, ti) => {
      const id = repos.work.insertTask({
        ...t,
        planId,
        groupId,
        leadDepartmentId: null,
        deadline: null,
        sortOrder: ti + 1,
      });
      log(planId, 'task', id, t);
    });
  });
  return planId;
}
