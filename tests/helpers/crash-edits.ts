// The stream of edits the crash test sends: what a clerk's session does to the indicators sheet and the 十大行动 page
// (single cells, pasted blocks, cleared cells, notes, progress, a definition saved), from a few "lanes" at once.
//
// Each lane owns its own indicators and actions and sends its next edit only when the previous one was answered, so
// for every key the order of the edits is known, and at any moment at most one edit per lane is unanswered. Every
// text is unique, so a stored value or a change-log entry names the one edit that wrote it.
import type { ArgsIn, Channel, ValueChange } from '../../src/shared/api';
import type { Indicator, PlanDetail } from '../../src/shared/model';
import { progressKey, progressState, remarkKey, remarkState, valueKey, valueState, type State } from './crash-check';
import type { CallOutcome, CrashServer, Random } from './crash-server';

export interface Edit {
  /** e.g. `3.17 values×12` (iteration.number and what it is) */
  label: string;
  channel: Channel;
  args: unknown;
  /** the keys it changes: state before and after (null: no row) */
  changes: Map<string, { before: string | null; after: string | null }>;
  /** the change-log entries it writes, as `key|after` */
  logs: string[];
}

export interface Lane {
  index: number;
  indicators: Indicator[];
  actionIds: number[];
  /** the edit sent and not answered (yet), if any */
  pending: Edit | null;
  /** edits answered with ok, in order */
  acked: Edit[];
  /** acknowledgements that arrived after the kill was sent (the server answered just before it died) */
  lateAcks: number;
}

/** The flattened state (see crash-check.ts) of what the API reports. */
export function stateFromPlan(d: PlanDetail): State {
  const s: State = new Map();
  for (const i of d.indicators) {
    s.set(remarkKey(i.id), remarkState(i.remark));
    for (const v of i.values) s.set(valueKey(i.id, v.year, v.kind), valueState(v.text, v.note));
  }
  for (const a of d.actions)
    for (const p of a.progress) s.set(progressKey(a.id, p.year), progressState(p.text, p.status));
  return s;
}

const STATUSES = ['not_started', 'in_progress', 'done', 'lagging', null] as const;

/** Splits the plan's indicators and actions between `count` lanes. */
export function makeLanes(d: PlanDetail, count: number): Lane[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    indicators: d.indicators.filter((_, i) => i % count === index),
    actionIds: d.actions.filter((_, i) => i % count === index).map((a) => a.id),
    pending: null,
    acked: [],
    lateAcks: 0,
  }));
}

function definitionOf(i: Indicator, remark: string) {
  return {
    id: i.id,
    categoryId: i.categoryId,
    name: i.name,
    unit: i.unit,
    nature: i.nature,
    direction: i.direction,
    targetKind: i.targetKind,
    base: i.base ? { text: i.base.text, year: i.base.year, source: i.base.source } : null,
    departmentId: i.departmentId,
    dataSource: i.dataSource,
    remark,
  };
}

/**
 * The lane's next edit against `world` (the state every answered edit left). `tag` makes its texts unique
 * (iteration and edit number).
 */
export function nextEdit(lane: Lane, planId: number, years: number[], world: State, rnd: Random, tag: string): Edit {
  const changes: Edit['changes'] = new Map();
  const logs: string[] = [];
  const change = (key: string, after: string | null, alwaysLogged = false) => {
    const before = world.get(key) ?? null;
    if (before !== after) changes.set(key, { before, after });
    if (before !== after || alwaysLogged) logs.push(`${key}|${after}`);
  };
  const roll = rnd.next();
  if (roll < 0.7) {
    const cells = lane.indicators.flatMap((i) =>
      years.flatMap((year) => (['target', 'actual'] as const).map((kind) => ({ indicatorId: i.id, year, kind }))),
    );
    const picked = roll < 0.42 ? rnd.sample(cells, 1) : rnd.sample(cells, rnd.int(2, 25));
    const batch: ValueChange[] = picked.map((c, k) => {
      const clear = rnd.next() < 0.12;
      const r = rnd.next();
      const text = clear ? '' : rnd.pick([`${tag}.${k}`, `≥${tag}.${k}`, `${tag}.${k}%`, `约${tag}.${k}万户`]);
      const note = r < 0.25 ? `说明${tag}.${k}` : r < 0.35 ? null : undefined;
      const key = valueKey(c.indicatorId, c.year, c.kind);
      const before = world.get(key) ?? null;
      const keptNote = before === null ? null : (JSON.parse(before) as [string, string | null])[1];
      change(key, clear ? null : valueState(text, note === undefined ? keptNote : note));
      return note === undefined ? { ...c, text } : { ...c, text, note };
    });
    return {
      label: `${tag} values×${batch.length}`,
      channel: 'indicator/update-values',
      args: { planId, changes: batch } satisfies ArgsIn<'indicator/update-values'>,
      changes,
      logs,
    };
  }
  if (roll < 0.87) {
    const actionId = rnd.pick(lane.actionIds);
    const year = rnd.pick(years);
    const clear = rnd.next() < 0.1;
    const progress = clear
      ? { year, text: '', status: null }
      : { year, text: `进展${tag}：已完成阶段任务`, status: rnd.pick(STATUSES) };
    change(progressKey(actionId, year), clear ? null : progressState(progress.text, progress.status));
    return {
      label: `${tag} progress`,
      channel: 'action/set-progress',
      args: { planId, actionId, progress } satisfies ArgsIn<'action/set-progress'>,
      changes,
      logs,
    };
  }
  const indicator = rnd.pick(lane.indicators);
  const remark = `备注${tag}`;
  // indicator/save logs every save, changed or not.
  change(remarkKey(indicator.id), remarkState(remark), true);
  return {
    label: `${tag} indicator/save`,
    channel: 'indicator/save',
    args: { planId, indicator: definitionOf(indicator, remark) } satisfies ArgsIn<'indicator/save'>,
    changes,
    logs,
  };
}

/**
 * Sends the lane's edits one after another until `stopped()` or the server dies. Answered edits are applied to
 * `world`. Anything but ok or a dead connection is an error (an edit the app refused is not what this test is about).
 */
export async function runLane(
  server: CrashServer,
  lane: Lane,
  planId: number,
  years: number[],
  world: State,
  rnd: Random,
  tagOf: (n: number) => string,
  killed: () => boolean,
): Promise<void> {
  for (let n = 0; !killed(); n++) {
    const edit = nextEdit(lane, planId, years, world, rnd, tagOf(n));
    lane.pending = edit;
    const r = (await server.call(edit.channel, edit.args as never)) as CallOutcome<Channel>;
    if (!r.ok) {
      if (r.code === 'NETWORK') return;
      throw new Error(`${edit.label} was refused: ${r.status} ${r.code} ${r.message}`);
    }
    if (killed()) lane.lateAcks++;
    lane.pending = null;
    lane.acked.push(edit);
    for (const [key, c] of edit.changes) world.set(key, c.after);
  }
}
