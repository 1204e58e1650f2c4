// Independent parser for the original plan text (resources/seed/*.txt).
// Tests compare its output with the app's database, so that any error in the
// hand-transcribed seed JSON fails a test. It deliberately reads no JSON and
// shares no code with the app.
//
// Input format: a converted document. Every non-empty line is a paragraph;
// blank lines separate paragraphs AND mark page breaks, so a page break can
// split a sentence, a word or a table. Tables are markdown-like pipe tables.
import * as fs from 'node:fs';
import * as path from 'node:path';

// values: keyed by year ('2021'), exactly as printed.
export interface SeedIndicatorRow {
  category: string;
  seq: string;
  printedName: string;
  values: Record<string, string>;
}
export interface SeedActionRow {
  seq: string;
  name: string;
  goal: string;
  remark: string;
}
export interface SeedTask {
  groupSeq: string;
  groupTitle: string;
  seq: string;
  title: string;
  text: string;
}
export interface SeedDocument {
  title: string; // the plan's own heading line
  docNumber: string; // 磐发改〔2021〕48号
  issueDate: string; // ISO yyyy-mm-dd
  issuers: string[]; // from the '<bureau> 文件 <bureau>' header line
  period: { first: number; last: number }; // from 规划期限为YYYY—YYYY年
  indicatorYears: string[]; // year columns of 附件1, e.g. ['2021','2022','2025']
  indicators: SeedIndicatorRow[];
  actions: SeedActionRow[];
  tasks: SeedTask[];
  developmentBasis: string; // section （一）发展基础, paragraphs joined directly
}

export const SEED_TEXT_RELATIVE_PATH = 'resources/seed/000_748d953a0b20c44d.txt';

const NUMERAL = '[一二三四五六七八九十]+';
const TOP_HEADING = new RegExp(`^${NUMERAL}、`); // 一、总体要求
const GROUP_HEADING = new RegExp(`^[（(](${NUMERAL})[）)]\\s*(.*)$`); // （一）… or (二)…
const TASK_START = /^(\d+)[.．](?!\d)\s*(.*)$/; // 1.… (but not a decimal like 2.0)
const SEPARATOR_ROW = /^\|[\s|:-]+\|$/;

function fail(message: string): never {
  throw new Error(`seed text: ${message}`);
}

/** Split into lines, trimmed; empty strings stand for blank lines. */
function toLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
}

function findIndex(lines: string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
  return -1;
}

// ---------------------------------------------------------------- tables

interface PipeTable {
  header: string[];
  rows: string[][];
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Collect the pipe tables in lines[from, to); blank lines end a table. */
function readTables(lines: string[], from: number, to: number, label: string): PipeTable[] {
  const tables: PipeTable[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    if (block.length < 2 || !SEPARATOR_ROW.test(block[1])) {
      fail(`${label}: table without a header row and |---| separator near "${block[0]}"`);
    }
    const header = splitRow(block[0]);
    const rows = block.slice(2).map(splitRow);
    const bad = rows.find((r) => r.length !== header.length);
    if (bad) fail(`${label}: row has ${bad.length} cells, header has ${header.length}: ${bad.join('|')}`);
    tables.push({ header, rows });
    block = [];
  };
  for (let i = from; i < to; i++) {
    if (lines[i].startsWith('|')) block.push(lines[i]);
    else flush();
  }
  flush();
  if (tables.length === 0) fail(`${label}: no table found`);
  return tables;
}

function column(header: string[], name: string, label: string): number {
  const idx = header.indexOf(name);
  if (idx < 0) fail(`${label}: header lacks column "${name}" (got ${header.join('|')})`);
  return idx;
}

/** Locate a section "附件N" (spaces allowed) and return its line range. */
function annexRange(lines: string[], n: number): { from: number; to: number } {
  const start = findIndex(lines, new RegExp(`^附件\\s*${n}(?!\\d)`));
  if (start < 0) fail(`no 附件${n} section found (expected a line starting with "附件${n}" or "附件 ${n}")`);
  const next = findIndex(lines, /^附件\s*\d/, start + 1);
  return { from: start + 1, to: next < 0 ? lines.length : next };
}

function parseIndicators(lines: string[]): { years: string[]; rows: SeedIndicatorRow[] } {
  const label = '附件1';
  const { from, to } = annexRange(lines, 1); // ends at the next 附件 line (附件2)
  let years: string[] | null = null;
  const rows: SeedIndicatorRow[] = [];
  let category = '';
  for (const table of readTables(lines, from, to, label)) {
    const yearCols = table.header
      .map((cell, idx) => ({ idx, m: /^(\d{4})\s*年$/.exec(cell) }))
      .filter((c) => c.m !== null)
      .map((c) => ({ idx: c.idx, year: c.m![1] }));
    if (yearCols.length === 0) fail(`${label}: header has no year columns (${table.header.join('|')})`);
    const tableYears = yearCols.map((c) => c.year);
    if (years === null) years = tableYears;
    else if (years.join() !== tableYears.join()) {
      fail(`${label}: year columns differ between tables (${years.join()} vs ${tableYears.join()})`);
    }
    const cCat = column(table.header, '类别', label);
    const cSeq = column(table.header, '序号', label);
    const cName = column(table.header, '主要指标', label);
    for (const r of table.rows) {
      const cat = r[cCat].replace(/\s+/g, '');
      if (cat !== '') category = cat; // printed only on the first row of a group
      if (category === '') fail(`${label}: row ${r[cSeq]} has no category to carry down`);
      if (r[cSeq] === '' || r[cName] === '') fail(`${label}: row without 序号 or 主要指标: ${r.join('|')}`);
      const values: Record<string, string> = {};
      for (const c of yearCols) values[c.year] = r[c.idx];
      rows.push({ category, seq: r[cSeq], printedName: r[cName], values });
    }
  }
  return { years: years ?? [], rows };
}

function parseActions(lines: string[]): SeedActionRow[] {
  const label = '附件2';
  const { from, to } = annexRange(lines, 2);
  const rows: SeedActionRow[] = [];
  for (const table of readTables(lines, from, to, label)) {
    const cSeq = column(table.header, '序号', label);
    const cName = column(table.header, '名称', label);
    const cGoal = column(table.header, '主要目标', label);
    const cRemark = column(table.header, '备注', label);
    for (const r of table.rows) {
      if (r[cSeq] === '' && r[cName] === '') {
        // Page-break continuation of the previous row's cells.
        const prev = rows[rows.length - 1];
        if (prev === undefined) fail(`${label}: continuation row without a preceding row`);
        prev.goal += r[cGoal];
        prev.remark += r[cRemark];
        continue;
      }
      if (r[cSeq] === '' || r[cName] === '') fail(`${label}: row without 序号 or 名称: ${r.join('|')}`);
      rows.push({ seq: r[cSeq], name: r[cName], goal: r[cGoal], remark: r[cRemark] });
    }
  }
  return rows;
}

// ---------------------------------------------------------------- prose

/** Non-empty paragraphs between two line indexes. */
function paragraphs(lines: string[], from: number, to: number): string[] {
  return lines.slice(from, to).filter((l) => l !== '');
}

function parseTasks(lines: string[]): SeedTask[] {
  const start = findIndex(lines, new RegExp(`^${NUMERAL}、主要任务$`));
  if (start < 0) fail('no "二、主要任务" section found');
  const end = findIndex(lines, new RegExp(`^${NUMERAL}、保障措施`), start + 1);
  if (end < 0) fail('no "三、保障措施" section found after 主要任务');
  type Group = { seq: string; title: string; tasks: SeedTask[] };
  const tasks: SeedTask[] = [];
  const groups: Group[] = [];
  let group: Group | null = null;
  for (const p of paragraphs(lines, start + 1, end)) {
    const h = GROUP_HEADING.exec(p);
    const t = TASK_START.exec(p);
    if (h !== null) {
      group = { seq: h[1], title: h[2], tasks: [] };
      groups.push(group);
    } else if (t !== null) {
      if (group === null) fail(`task "${p.slice(0, 20)}" appears before any group heading`);
      const expected = String(group.tasks.length + 1);
      if (t[1] !== expected) fail(`group ${group.seq}: task number ${t[1]} found, expected ${expected}`);
      const task: SeedTask = { groupSeq: group.seq, groupTitle: '', seq: t[1], title: '', text: t[2] };
      group.tasks.push(task);
      tasks.push(task);
    } else if (group === null) {
      continue; // introductory paragraph before the first group
    } else if (group.tasks.length === 0) {
      group.title += p; // heading split by a page break
    } else {
      group.tasks[group.tasks.length - 1].text += p; // task continues
    }
  }
  if (tasks.length === 0) fail('主要任务 section contains no numbered tasks');
  for (const g of groups) {
    if (g.tasks.length === 0) fail(`group ${g.seq} has no tasks`);
    for (const task of g.tasks) {
      task.groupTitle = g.title;
      const stop = task.text.indexOf('。');
      task.title = stop < 0 ? task.text : task.text.slice(0, stop);
    }
  }
  return tasks;
}

function parseDevelopmentBasis(lines: string[]): string {
  const start = findIndex(lines, /^[（(][一二三四五六七八九十]+[）)]\s*发展基础$/);
  if (start < 0) fail('no "（一）发展基础" section found');
  let end = start + 1;
  while (end < lines.length && !GROUP_HEADING.test(lines[end]) && !TOP_HEADING.test(lines[end])) end++;
  const text = paragraphs(lines, start + 1, end).join('');
  if (text === '') fail('发展基础 section is empty');
  return text;
}

function parseMetadata(
  lines: string[],
): Pick<SeedDocument, 'title' | 'docNumber' | 'issueDate' | 'issuers' | 'period'> {
  // Header line '<bureau> 文件 <bureau>' names the issuing bureaus.
  const header = lines.find((l) => /(^|\s)文件(\s|$)/.test(l));
  if (header === undefined) fail('no header line "<bureau> 文件 <bureau>" found');
  const issuers = header.split(/\s+/).filter((w) => w !== '' && w !== '文件');
  if (issuers.length === 0) fail('header line names no issuer');
  const docNumber = lines.find((l) => /^\S+〔\d{4}〕\d+号$/.test(l));
  if (docNumber === undefined) fail('no document number line like "磐发改〔2021〕48号" found');
  const dateIdx = findIndex(lines, /^\d{4}年\d{1,2}月\d{1,2}日$/);
  if (dateIdx < 0) fail('no issue date line like "2021年12月7日" found');
  const [y, m, d] = lines[dateIdx].match(/\d+/g)!;
  const issueDate = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // The plan's own heading: the first paragraph after the date that ends with
  // 规划 and contains no sentence punctuation.
  const titleIdx = findIndex(lines, /^[^。，：]+规划$/, dateIdx + 1);
  if (titleIdx < 0) fail('no plan heading line (ending with "规划") after the issue date');
  const pm = /规划期限为(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年/.exec(lines.join(''));
  if (pm === null) fail('no "规划期限为YYYY—YYYY年" statement found');

  const period = { first: Number(pm[1]), last: Number(pm[2]) };
  return { title: lines[titleIdx], docNumber, issueDate, issuers, period };
}

// ---------------------------------------------------------------- entry points

export function parseSeedText(text: string): SeedDocument {
  const lines = toLines(text);
  const meta = parseMetadata(lines);
  const { years, rows } = parseIndicators(lines);
  return {
    ...meta,
    indicatorYears: years,
    indicators: rows,
    actions: parseActions(lines),
    tasks: parseTasks(lines),
    developmentBasis: parseDevelopmentBasis(lines),
  };
}

export function loadSeedDocument(): SeedDocument {
  const repoRoot = path.resolve(__dirname, '../..');
  return parseSeedText(fs.readFileSync(path.join(repoRoot, SEED_TEXT_RELATIVE_PATH), 'utf8'));
}
