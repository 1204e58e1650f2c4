// The indicator sheet's speed in the browser shell, in Debian's Chromium, on a generated plan of 2,000 indicators
// × 10 years (targets for every year, actuals for the first eight): first render with an empty and a warm cache,
// scrolling frame times, pasting a 1,000-cell block until the status line says 已保存, and one edit's round trip
// to the database (the bridge alone, and typed into the sheet). Prints figures; asserts nothing.
// Run: npm run bench:sheet  (uses the built renderer in out/renderer; `-- --trace DIR` also writes Chromium
// traces of one fast scroll and one paste, taken after the measured runs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAppContext, type AppContext } from '../src/main/context';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../src/main/web/server';
import { bigPlan } from './big-plan';
import { launchChromium } from '../tests/helpers/chromium';

const ROOT = path.resolve(__dirname, '..');
const INDICATORS = 2000;
const FIRST_YEAR = 2021;
const YEARS = 10;
/** actuals are filled for the first eight years; the last two are left empty, as mid-plan */
const ACTUAL_YEARS = 8;
/** fresh browser contexts (empty cache), each loaded once cold and WARM_LOADS more times */
const LOAD_CONTEXTS = 5;
const WARM_LOADS = 2;
const SCROLL_MS = 2500;
const SCROLL_RUNS = 3;
/** px per animation frame: a steady wheel scroll (2 rows a frame), and dragging the scroll bar (20 rows) */
const SCROLL_SPEEDS = [60, 600];
const PASTE_RUNS = 8;
const PASTE_ROWS = 100;
const PASTE_COLS = 10;
/** the paste lands here: indicators 51–150, so the block flows over the header row of 类别2 */
const PASTE_SEQ = 51;
const UI_EDITS = 30;
const BRIDGE_EDITS = 200;
const WARMUP = 3;
const VIEWPORT = { width: 1440, height: 900 };
const ROW_HEIGHT = 30; // lib/sheet/columns.ts
const HEADER_HEIGHT = 60;

const trace = (() => {
  const i = process.argv.indexOf('--trace');
  return i >= 0 ? path.resolve(process.argv[i + 1] ?? 'bench-traces') : null;
})();

// ---- in the page -------------------------------------------------------------------------------------------------
// Plain JS injected before the app's own scripts on every navigation. Times are performance.now() of the page
// (0 = navigation start). The status line is watched with a MutationObserver, so "saved" is the moment the DOM
// says 已保存, not when a polling script happened to look.
const PROBE = String.raw`(() => {
  const B = (window.__bench = { load: {} });
  const $ = (id) => document.querySelector('[data-testid="' + id + '"]');
  const loadObs = new MutationObserver(() => {
    const L = B.load;
    if (L.firstRow === undefined && $('indicator-row-1')) L.firstRow = performance.now();
    const s = $('status-line');
    if (L.settled === undefined && s && s.textContent.startsWith('已加载')) L.settled = performance.now();
    if (L.firstRow !== undefined && L.settled !== undefined) {
      loadObs.disconnect();
      // after the next frame has been produced: style, layout and paint of the first screen included
      requestAnimationFrame(() => setTimeout(() => (L.painted = performance.now()), 0));
    }
  });
  loadObs.observe(document, { childList: true, subtree: true, characterData: true });

  B.loadBreakdown = () => {
    const res = performance.getEntriesByType('resource');
    const js = res.find((r) => r.name.endsWith('.js'));
    const list = res.find((r) => r.name.includes('/api/plan/list'));
    const plan = res.find((r) => r.name.includes('/api/plan/get'));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ...B.load,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
      jsEnd: js ? js.responseEnd : null,
      jsFromCache: js ? js.transferSize === 0 : null,
      listStart: list ? list.startTime : null,
      planStart: plan ? plan.startTime : null,
      planEnd: plan ? plan.responseEnd : null,
      planBytes: plan ? plan.encodedBodySize : null,
    };
  };

  // Arms a watch on the status line; B.saved resolves when it says 已保存 again after a change (or fails).
  B.armSave = (opts) => {
    const status = $('status-line');
    const baseline = status.textContent;
    performance.clearResourceTimings();
    const r = { t0: null, savingAt: null, savedAt: null, error: null, text: null };
    const onKey = (e) => {
      if (r.t0 === null && e.key.toLowerCase() === opts.key && (!opts.ctrl || e.ctrlKey)) r.t0 = e.timeStamp;
    };
    if (opts.key) window.addEventListener('keydown', onKey, true);
    B.saved = new Promise((resolve) => {
      let timer = null;
      const done = (error) => {
        obs.disconnect();
        clearTimeout(timer);
        window.removeEventListener('keydown', onKey, true);
        const reqs = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/indicator/update-values'));
        const last = reqs[reqs.length - 1];
        r.error = error;
        r.requests = reqs.length;
        r.reqStart = last ? last.startTime : null;
        r.reqEnd = last ? last.responseEnd : null;
        resolve(r);
      };
      const obs = new MutationObserver(() => {
        const text = status.textContent;
        if (!text.startsWith('已保存')) {
          if (r.savingAt === null) r.savingAt = performance.now();
          if (status.dataset.tone === 'error') done(text);
          return;
        }
        if (r.savingAt !== null || text !== baseline) {
          r.savedAt = performance.now();
          r.text = text;
          done(null);
        }
      });
      obs.observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
      timer = setTimeout(() => done('timeout'), opts.timeout || 60000);
    });
  };

  // A paste as the browser delivers it to the focused text box: a ClipboardEvent carrying text/plain.
  B.paste = (tsv) => {
    const ta = $('sheet-editor');
    if (document.activeElement !== ta) throw new Error('the sheet editor does not have the focus');
    B.armSave({});
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    const t0 = performance.now();
    ta.dispatchEvent(ev);
    const handled = performance.now();
    return B.saved.then((r) => ({ ...r, t0, handled }));
  };

  const frames = (n) => new Promise((res) => {
    const step = () => (--n <= 0 ? setTimeout(res, 50) : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

  B.focused = () => (document.activeElement ? document.activeElement.getAttribute('data-testid') : null);
  B.writeClipboard = (text) => navigator.clipboard.writeText(text);

  B.scrollTo = async (top) => {
    document.querySelector('.sheet-scroll').scrollTop = top;
    await frames(3);
  };

  // Scrolls the sheet by px every animation frame for ms; frame times are the deltas between rAF timestamps.
  // A frame is "blank" when the rows rendered (between the spacer rows) do not cover what it shows.
  B.scroll = async (px, ms) => {
    const el = document.querySelector('.sheet-scroll');
    const body = el.querySelector('tbody');
    el.scrollTop = 0;
    await frames(5);
    const viewH = el.clientHeight - ${HEADER_HEIGHT};
    const maxTop = el.scrollHeight - el.clientHeight;
    const bodyH = el.scrollHeight - ${HEADER_HEIGHT};
    const gap = (row) => (row && row.classList.contains('sheet-spacer') ? parseFloat(row.style.height) : 0);
    const long = [];
    const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
    try { po.observe({ type: 'longtask' }); } catch {}
    return new Promise((resolve) => {
      const deltas = [];
      let blank = 0, pos = 0, start = null, last = null;
      const frame = (t) => {
        if (last === null) start = t;
        else deltas.push(t - last);
        last = t;
        if (t - start >= ms || pos >= maxTop) {
          po.disconnect();
          resolve({ deltas, blank, distance: pos, longTasks: long.length, longMs: long.reduce((a, b) => a + b, 0) });
          return;
        }
        pos = Math.min(maxTop, pos + px);
        el.scrollTop = pos;
        const top = gap(body.firstElementChild);
        const end = bodyH - gap(body.lastElementChild);
        if (top > pos || end < Math.min(bodyH, pos + viewH)) blank++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  };

  // update-values from the page itself, one cell per call, as the sheet's transport sends it.
  B.bridge = async (n, planId, indicatorId, year) => {
    const token = sessionStorage.getItem('plandesk.token');
    const out = [];
    for (let i = 0; i < n; i++) {
      const body = JSON.stringify({ planId, changes: [{ indicatorId, year, kind: 'actual', text: (700 + i / 100).toFixed(2) }] });
      const t0 = performance.now();
      const res = await fetch('/api/indicator/update-values', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
        body,
      });
      const json = await res.json();
      out.push(performance.now() - t0);
      if (!json.ok) throw new Error(json.error.message);
    }
    return out;
  };
})();`;

interface LoadBreakdown {
  firstRow: number;
  settled: number;
  painted?: number;
  dcl: number | null;
  jsEnd: number | null;
  jsFromCache: boolean | null;
  listStart: number | null;
  planStart: number | null;
  planEnd: number | null;
  planBytes: number | null;
}
interface SaveResult {
  t0: number | null;
  handled?: number;
  savingAt: number | null;
  savedAt: number | null;
  error: string | null;
  text: string | null;
  requests: number;
  reqStart: number | null;
  reqEnd: number | null;
}
interface ScrollResult {
  deltas: number[];
  blank: number;
  distance: number;
  longTasks: number;
  longMs: number;
}
interface Probe {
  load: Partial<LoadBreakdown>;
  loadBreakdown(): LoadBreakdown;
  armSave(opts: { key?: string; ctrl?: boolean; timeout?: number }): void;
  saved: Promise<SaveResult>;
  paste(tsv: string): Promise<SaveResult>;
  focused(): string | null;
  writeClipboard(text: string): Promise<void>;
  scrollTo(top: number): Promise<void>;
  scroll(px: number, ms: number): Promise<ScrollResult>;
  bridge(n: number, planId: number, indicatorId: number, year: number): Promise<number[]>;
}
declare const __bench: Probe;

// ---- statistics and printing -------------------------------------------------------------------------------------
/** nearest-rank percentile */
function pct(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
}
const med = (xs: readonly number[]) => pct(xs, 0.5);
const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);

const rows: string[][] = [['what', 'n', 'p50 ms', 'p95 ms', 'max ms', 'target', 'notes']];
function row(what: string, xs: readonly number[], target: string, notes = '', fmt = f0): void {
  rows.push([what, String(xs.length), fmt(med(xs)), fmt(pct(xs, 0.95)), fmt(Math.max(...xs)), target, notes]);
}
function printTable(): void {
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  for (const r of rows) console.log(r.map((c, i) => c + ' '.repeat(width[i]! - [...c].length)).join('  '));
}

// ---- the run -----------------------------------------------------------------------------------------------------
let dir: string | null = null;
let ctx: AppContext | null = null;
let server: WebServer | null = null;
let browser: Browser | null = null;

async function cleanup(): Promise<void> {
  const b = browser;
  const s = server;
  browser = null;
  server = null;
  await b?.close().catch(() => undefined);
  await s?.close().catch(() => undefined);
  ctx?.close();
  ctx = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

/** The database: the generated plan only (no seed), targets for every year, actuals for the first eight. */
function makeDatabase(dbFile: string): { ctx: AppContext; planId: number; ids: Map<string, number> } {
  const c = createAppContext({ dbFile, resourcesDir: path.join(ROOT, 'resources'), seed: false, actor: 'bench' });
  const planId = c.services.plans.create(bigPlan(INDICATORS, FIRST_YEAR, YEARS), null, 'bench');
  const indicators = c.services.plans.get(planId).indicators;
  const changes = indicators.flatMap((ind, n) =>
    Array.from({ length: ACTUAL_YEARS }, (_, k) => ({
      indicatorId: ind.id,
      year: FIRST_YEAR + k,
      kind: 'actual' as const,
      text: (95 + n + k * 1.1).toFixed(2),
    })),
  );
  for (let i = 0; i < changes.length; i += 10_000)
    c.services.indicators.updateValues(planId, changes.slice(i, i + 10_000), 'bench');
  return { ctx: c, planId, ids: new Map(indicators.map((i) => [i.seq, i.id])) };
}

/** Times every call of a service method into `into` (the core's own share of a round trip). */
function timeCalls<T extends object, K extends keyof T>(obj: T, key: K, into: () => number[]): void {
  const fn = obj[key] as unknown as (...a: unknown[]) => unknown;
  obj[key] = ((...a: unknown[]) => {
    const t0 = performance.now();
    try {
      return fn.apply(obj, a);
    } finally {
      into().push(performance.now() - t0);
    }
  }) as T[K];
}

async function newContext(b: Browser, clipboard = false): Promise<BrowserContext> {
  const context = await b.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript({ content: PROBE });
  return context;
}

async function load(page: Page, url: string): Promise<LoadBreakdown & { wall: number }> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => __bench.load.settled !== undefined && __bench.load.firstRow !== undefined, null, {
    timeout: 120_000,
  });
  const wall = performance.now() - t0;
  await page.waitForFunction(() => __bench.load.painted !== undefined);
  return { ...(await page.evaluate(() => __bench.loadBreakdown())), wall };
}

function pasteBlock(run: number): string {
  const lines: string[] = [];
  for (let r = 0; r < PASTE_ROWS; r++) {
    const cells: string[] = [];
    // Close to the figures already there (no 跳变 marks), two decimals as the plan uses, new in every run.
    for (let c = 0; c < PASTE_COLS; c++)
      cells.push((100 + PASTE_SEQ + r + Math.floor(c / 2) * 1.2 + (run + 1) / 100).toFixed(2));
    lines.push(cells.join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Scrolls the row of indicator `seq` into the rendered window, then clicks its cell: the sheet's text box has the focus. */
async function selectCell(page: Page, seq: number, year: number, kind: 'target' | 'actual'): Promise<void> {
  const rowIndex = seq + Math.floor((seq - 1) / (INDICATORS / 20)); // one category header row per 100 indicators
  await page.evaluate((top) => __bench.scrollTo(top), Math.max(0, (rowIndex - 5) * ROW_HEIGHT));
  await page.getByTestId(`value-${seq}-${year}-${kind}`).locator('xpath=..').click(); // the td: an empty span has no size
  const focused = await page.evaluate(() => __bench.focused());
  if (focused !== 'sheet-editor') throw new Error(`focus is on ${String(focused)}, not the sheet editor`);
}

function checkSaved(r: SaveResult, what: string): void {
  if (r.error !== null || r.savedAt === null) throw new Error(`${what}: not saved (${r.error ?? 'no status'})`);
}

async function main(): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-sheet-'));
  const t = performance.now();
  const made = makeDatabase(path.join(dir, 'bench.db'));
  ctx = made.ctx;
  const { planId, ids } = made;
  const setupMs = performance.now() - t;

  let coreTimes: number[] = [];
  timeCalls(ctx.services.indicators, 'updateValues', () => coreTimes);
  timeCalls(ctx.services.plans, 'get', () => coreTimes);
  server = await startWebServer({ ctx, rendererDir: path.join(ROOT, 'out', 'renderer'), log: () => undefined });
  const url = server.url;
  browser = await launchChromium();
  console.log(
    `PlanDesk sheet bench: ${INDICATORS} indicators × ${YEARS} years (${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}), ` +
      `actuals for ${ACTUAL_YEARS} years; Chromium ${browser.version()} headless, ${VIEWPORT.width}×${VIEWPORT.height}; ` +
      `Node ${process.version}; ${os.cpus().length} cores; database built in ${f0(setupMs)} ms; ` +
      `load average ${os.loadavg()[0]!.toFixed(2)} (it should be near 0: the figures are only as good as the machine is idle)`,
  );

  // 1. First render ------------------------------------------------------------------------------------------------
  const cold: Awaited<ReturnType<typeof load>>[] = [];
  const warm: Awaited<ReturnType<typeof load>>[] = [];
  coreTimes = [];
  for (let i = 0; i < LOAD_CONTEXTS; i++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    cold.push(await load(page, url));
    for (let j = 0; j < WARM_LOADS; j++) warm.push(await load(page, url));
    await context.close();
  }
  const planGetCore = coreTimes;
  const shown = (l: LoadBreakdown) => Math.max(l.firstRow, l.settled);
  const breakdown = (ls: LoadBreakdown[]) => {
    const m = (f: (l: LoadBreakdown) => number | null) => f0(med(ls.map((l) => f(l) ?? NaN)));
    return (
      `JS loaded ${m((l) => l.jsEnd)}, plan/list sent ${m((l) => l.listStart)}, plan/get ${m((l) => l.planStart)}→${m((l) => l.planEnd)}, ` +
      `rows+status ${m(shown)}, painted ${m((l) => l.painted ?? null)}`
    );
  };
  row('first render, empty cache (nav start → row 1 + 已加载)', cold.map(shown), '< 1000', breakdown(cold));
  row(
    '  same, wall time around goto + wait',
    cold.map((l) => l.wall),
    '',
    '',
  );
  row('first render, warm cache (2nd/3rd load)', warm.map(shown), '< 1000', breakdown(warm));
  row(
    '  same, wall time around goto + wait',
    warm.map((l) => l.wall),
    '',
    '',
  );
  row(
    '  plan/get in the core (of each load)',
    planGetCore,
    '',
    `answer ${f0((cold[0]!.planBytes ?? 0) / 1024)} KB JSON`,
  );

  // The page every later measurement uses.
  const context = await newContext(browser, true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await load(page, url);

  // 2. Scrolling ---------------------------------------------------------------------------------------------------
  for (const px of SCROLL_SPEEDS) {
    const runs: ScrollResult[] = [];
    for (let i = 0; i < SCROLL_RUNS; i++)
      runs.push(await page.evaluate(([p, ms]) => __bench.scroll(p, ms), [px, SCROLL_MS]));
    const deltas = runs.flatMap((r) => r.deltas);
    const secs = deltas.reduce((a, b) => a + b, 0) / 1000;
    const dropped = deltas.filter((d) => d > 50).length;
    const missed = deltas.filter((d) => d > 25).length;
    const blank = runs.reduce((a, r) => a + r.blank, 0);
    const longTasks = runs.reduce((a, r) => a + r.longTasks, 0);
    row(
      `scroll ${px} px/frame, frame time (${SCROLL_RUNS} × ${SCROLL_MS / 1000} s)`,
      deltas,
      'none (16.7 = 60 fps)',
      `${f0(deltas.length / secs)} fps, ${dropped} frames > 50 ms, ${missed} > 25 ms, ${blank} frames with blank rows, ` +
        `${longTasks} long tasks (${f0(runs.reduce((a, r) => a + r.longMs, 0) / longTasks || 0)} ms avg), ` +
        `${f0(runs[0]!.distance / ROW_HEIGHT)} rows per run`,
      f1,
    );
  }

  // 3. Paste 1,000 cells -------------------------------------------------------------------------------------------
  const pastes: SaveResult[] = [];
  const pasteCore: number[] = [];
  for (let i = 0; i < PASTE_RUNS + 1; i++) {
    await selectCell(page, PASTE_SEQ, FIRST_YEAR, 'target');
    coreTimes = [];
    const r = await page.evaluate((tsv) => __bench.paste(tsv), pasteBlock(i));
    checkSaved(r, 'paste');
    if (!r.text?.includes(`${PASTE_ROWS * PASTE_COLS}`)) throw new Error(`paste: unexpected status "${r.text}"`);
    if (i === 0) continue; // warm-up
    pastes.push(r);
    pasteCore.push(...coreTimes);
  }
  const since = (f: (r: SaveResult) => number | null | undefined, g: (r: SaveResult) => number | null | undefined) =>
    f0(med(pastes.map((r) => (f(r) ?? NaN) - (g(r) ?? NaN))));
  row(
    `paste ${PASTE_ROWS}×${PASTE_COLS} TSV: paste event → 已保存`,
    pastes.map((r) => r.savedAt! - r.t0!),
    '< 500',
    `medians: handler ${since(
      (r) => r.handled,
      (r) => r.t0,
    )}, request sent ${since(
      (r) => r.reqStart,
      (r) => r.t0,
    )}, ` +
      `正在保存 shown ${since(
        (r) => r.savingAt,
        (r) => r.t0,
      )}, response ${since(
        (r) => r.reqEnd,
        (r) => r.t0,
      )}, ` +
      `core ${f0(med(pasteCore))}`,
  );

  // The same through the system clipboard and a real Ctrl+V (keypress → saved), when headless Chromium allows it.
  {
    const ctrlV: SaveResult[] = [];
    let unsupported = '';
    for (let i = 0; i < 6 && !unsupported; i++) {
      await selectCell(page, PASTE_SEQ, FIRST_YEAR, 'target');
      await page.evaluate((tsv) => __bench.writeClipboard(tsv), pasteBlock(PASTE_RUNS + 1 + i));
      await page.evaluate(() => __bench.armSave({ key: 'v', ctrl: true, timeout: 15_000 }));
      await page.keyboard.press('Control+V');
      const r = await page.evaluate(() => __bench.saved);
      if (r.error !== null || r.t0 === null) unsupported = r.error ?? 'no keydown seen';
      else if (i > 0) ctrlV.push(r);
    }
    if (ctrlV.length)
      row(
        '  same with a real Ctrl+V: keydown → 已保存',
        ctrlV.map((r) => r.savedAt! - r.t0!),
        '< 500',
        'system clipboard',
      );
    else rows.push(['  same with a real Ctrl+V', '0', '', '', '', '', `not measured: ${unsupported}`]);
  }

  // 4b. One edit typed into the sheet: Enter → 已保存 ----------------------------------------------------------------
  const editYear = FIRST_YEAR + YEARS - 2; // an actual not filled yet
  await selectCell(page, 1, editYear, 'actual');
  const edits: SaveResult[] = [];
  const editCore: number[] = [];
  for (let i = 0; i < UI_EDITS + WARMUP; i++) {
    await page.keyboard.type((40 + i / 10).toFixed(1));
    await page.evaluate(() => __bench.armSave({ key: 'enter' }));
    coreTimes = [];
    await page.keyboard.press('Enter');
    const r = await page.evaluate(() => __bench.saved);
    checkSaved(r, 'typed edit');
    if (r.requests !== 1) throw new Error(`typed edit: ${r.requests} update-values calls`);
    if (i < WARMUP) continue;
    edits.push(r);
    editCore.push(...coreTimes);
  }

  // 4a. The bridge alone: one cell per call, from the page's fetch and from Node -----------------------------------
  const bridgeId = ids.get(String(INDICATORS - 500))!;
  coreTimes = [];
  const fromPage = (
    await page.evaluate(([n, p, id, y]) => __bench.bridge(n, p, id, y), [BRIDGE_EDITS + 10, planId, bridgeId, editYear])
  ).slice(10);
  const pageCore = coreTimes.slice(10);
  const fromNode: number[] = [];
  coreTimes = [];
  for (let i = 0; i < BRIDGE_EDITS + 10; i++) {
    const body = JSON.stringify({
      planId,
      changes: [{ indicatorId: bridgeId, year: editYear + 1, kind: 'actual', text: (800 + i / 100).toFixed(2) }],
    });
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/indicator/update-values`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body,
    });
    const json = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (i >= 10) fromNode.push(performance.now() - t0);
    if (!json.ok) throw new Error(json.error?.message);
  }
  const nodeCore = coreTimes.slice(10);
  row('edit round trip, bridge: fetch in the page, 1 cell', fromPage, 'p95 < 50', `core p50 ${f1(med(pageCore))}`, f1);
  row('edit round trip, bridge: fetch from Node, 1 cell', fromNode, 'p95 < 50', `core p50 ${f1(med(nodeCore))}`, f1);
  row(
    'edit round trip, typed + Enter → 已保存',
    edits.map((r) => r.savedAt! - r.t0!),
    'p95 < 50',
    `medians: request sent ${f1(med(edits.map((r) => r.reqStart! - r.t0!)))}, ` +
      `正在保存 shown ${f1(med(edits.map((r) => (r.savingAt ?? NaN) - r.t0!)))}, ` +
      `response ${f1(med(edits.map((r) => r.reqEnd! - r.t0!)))}, core ${f1(med(editCore))}`,
    f1,
  );

  // Traces for a closer look (not part of the figures: tracing slows the page down).
  if (trace) {
    fs.mkdirSync(trace, { recursive: true });
    await browser.startTracing(page, { path: path.join(trace, 'scroll-600.json'), screenshots: false });
    await page.evaluate(() => __bench.scroll(600, 1500));
    await browser.stopTracing();
    await selectCell(page, PASTE_SEQ, FIRST_YEAR, 'target');
    await browser.startTracing(page, { path: path.join(trace, 'paste.json'), screenshots: false });
    await page.evaluate((tsv) => __bench.paste(tsv), pasteBlock(99));
    await browser.stopTracing();
  }
  await context.close();

  printTable();
  console.log(`load average at the end: ${os.loadavg()[0]!.toFixed(2)}`);
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
  if (trace) console.log(`traces in ${trace} (open in chrome://tracing or the DevTools Performance panel)`);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    void cleanup().then(() => process.exit(130));
  });

main()
  .catch((e: unknown) => {
    printTable();
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
