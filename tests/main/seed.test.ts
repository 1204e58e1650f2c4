// The embedded plan in the database, compared with the original document parsed independently (tests/helpers).
// A transcription error in resources/seed/plan.json fails here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { loadSeed } from '../../src/main/db/seed';
import type { PlanDetail } from '../../src/shared/model';
import { RESOURCES, memoryContext } from '../helpers/db';
import { loadSeedDocument, type SeedDocument } from '../helpers/seed-text';

let ctx: AppContext;
let plan: PlanDetail;
let doc: SeedDocument;

beforeAll(() => {
  ctx = memoryContext();
  plan = ctx.services.plans.get('十四五');
  doc = loadSeedDocument();
});
afterAll(() => ctx.close());

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the embedded plan matches its document', () => {
  it('metadata', () => {
    expect(plan.plan).toMatchObject({
      title: doc.title,
      docNumber: doc.docNumber,
      issueDate: doc.issueDate,
      issuers: doc.issuers,
      firstYear: doc.period.first,
      lastYear: doc.period.last,
      baseYear: doc.period.first - 1,
      targetYears: doc.indicatorYears.map(Number),
      status: 'active',
    });
    expect(plan.appendices.map((a) => a.label)).toEqual(['附件1', '附件2']);
    // Appendix titles are the ones listed under 附件： at the end of the plan's body.
    const source = fs.readFileSync(path.join(RESOURCES, 'seed', plan.plan.sourceFile!), 'utf8');
    for (const a of plan.appendices) expect(source).toContain(a.title);
  });

  it('categories in order, each indicator in its category', () => {
    const categories = [...new Set(doc.indicators.map((r) => r.category))];
    expect(plan.categories.map((c) => c.name)).toEqual(categories);
    const nameOf = new Map(plan.categories.map((c) => [c.id, c.name]));
    expect(plan.indicators.map((i) => [nameOf.get(i.categoryId), i.seq])).toEqual(
      doc.indicators.map((r) => [r.category, r.seq]),
    );
  });

  it('every indicator name as printed, with its unit split out of it', () => {
    expect(plan.indicators).toHaveLength(doc.indicators.length);
    doc.indicators.forEach((row, k) => {
      const ind = plan.indicators[k]!;
      expect(ind.printedName).toBe(row.printedName);
      expect(ind.unit === null ? ind.name : `${ind.name}（${ind.unit}）`).toBe(row.printedName);
      if (ind.unit !== null) expect(ind.unit).not.toMatch(/[（）()]/);
    });
    expect(plan.indicators.filter((i) => i.unit === null).map((i) => i.seq)).toEqual(['19', '20']);
  });

  it('every target value exactly as printed, and nothing else', () => {
    doc.indicators.forEach((row, k) => {
      const ind = plan.indicators[k]!;
      const targets = Object.fromEntries(
        ind.values.filter((v) => v.kind === 'target').map((v) => [String(v.year), v.text]),
      );
      expect(targets, `indicator ${row.seq}`).toEqual(row.values);
      for (const v of ind.values) {
        expect(v.evaluable).toBe(true);
        expect(v.number).toBe(Number(v.text));
        expect(v.decimals).toBe(v.text.includes('.') ? v.text.split('.')[1]!.length : 0);
      }
    });
    expect(plan.indicators.flatMap((i) => i.values.filter((v) => v.kind === 'actual'))).toEqual([]);
  });

  it('the ten actions, action 10 whole across the page break', () => {
    expect(plan.actions.map((a) => ({ seq: a.seq, name: a.name, goal: a.goal, remark: a.remark ?? '' }))).toEqual(
      doc.actions,
    );
    expect(plan.actions[9]!.goal).toContain('“双随机、一公开”信用应用率80%以上');
  });

  it('the 23 main tasks with full text in their six groups', () => {
    const groupOf = new Map(plan.taskGroups.map((g) => [g.id, g]));
    expect(
      plan.tasks.map((t) => ({
        groupSeq: groupOf.get(t.groupId)!.seq,
        groupTitle: groupOf.get(t.groupId)!.title,
        seq: t.seq,
        title: t.title,
        text: t.text,
      })),
    ).toEqual(doc.tasks);
    expect(plan.taskGroups.map((g) => g.seq)).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('base values only where 发展基础 states the same measure, with a source that quotes it', () => {
    const withBase = plan.indicators.filter((i) => i.base !== null);
    expect(withBase.map((i) => i.seq)).toEqual(['1', '3', '8']);
    const basis = squash(doc.developmentBasis);
    for (const i of withBase) {
      const b = i.base!;
      expect(b.year).toBe(plan.plan.baseYear);
      expect(b.evaluable).toBe(true);
      const quoted = b.source!.replace(/^发展基础：/, '').replace(/（折合[^）]*）$/, '');
      expect(basis).toContain(squash(quoted));
      // The number quoted in the source, converted to the indicator's unit, is the base value.
      const raw = Number(/(\d+)(家|件)/.exec(quoted.split('，').at(-1)!)![1]);
      expect(b.number).toBe(i.unit === '万户' ? raw / 10000 : raw);
    }
  });

  it('keeps the document itself, shown in the app as 规划原文', () => {
    const text = ctx.services.plans.sourceText('十四五').text!;
    expect(text).toBe(fs.readFileSync(path.join(RESOURCES, 'seed', '000_748d953a0b20c44d.txt'), 'utf8'));
  });

  it('records the seeding in the change log, one entry per row written', () => {
    const log = ctx.services.changeLog.list({ planId: plan.plan.id, limit: 1000, offset: 0 });
    const count = (entity: string) => log.entries.filter((e) => e.entity === entity && e.op === 'create').length;
    expect(count('plan')).toBe(1);
    expect(count('category')).toBe(6);
    expect(count('indicator')).toBe(20);
    expect(count('action')).toBe(10);
    expect(count('task_group')).toBe(6);
    expect(count('task')).toBe(23);
    expect(log.entries.every((e) => e.actor === 'system')).toBe(true);
  });

  it('rejects a damaged seed file with a Chinese message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-seed-'));
    fs.mkdirSync(path.join(dir, 'seed'));
    const good = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'seed', 'plan.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'seed', 'plan.json'),
      JSON.stringify({ ...good, categories: [{ name: '', indicators: [] }] }),
    );
    expect(() => loadSeed(dir)).toThrow(/内置规划数据格式有误/);
    fs.writeFileSync(path.join(dir, 'seed', 'plan.json'), '{ not json');
    expect(() => loadSeed(dir)).toThrow(/内置规划数据无法读取/);
    fs.rmSync(dir, { recursive: true });
  });
});
