// The one-page summary that opens the annual submission PDF, in the look of the pages after it: the title in
// 2号标宋 on the third line of the grid, 3号黑体 headings (一、二、), 4号仿宋 text with a two-character indent,
// a bar chart of the indicators' statuses (chart-svg.ts) and the actions' and tasks' progress as a table in the
// tables' own style. The two lists of names get the lines the rest of the page leaves (at most LIST_LINES each)
// and are cut to them ("A、B等57项"), so that the page holds whatever the plan's size.
import type { EvalStatus } from '../../shared/evaluate';
import type { ReportTable } from '../../shared/report';
import { chartWarning } from './chart-fonts';
import { barChart, type ChartBar } from './chart-svg';
import type { Content, Inline, SectionNode, SvgNode, TextNode } from './pdfmake-api';
import {
  PITCH,
  PORTRAIT_MARGINS,
  headingNodes,
  oneLineRowHeight,
  tableNodes,
  typeHeight,
  typeWidth,
} from './pdf-layout';
import { STYLES, type StyleName, type Texter } from './pdf-text';
import type { AnnualSummary, StatusCount, SummaryIndicator } from './summary-model';

/** The bars' colours: those of 年度监测's counts (the words on each bar say the same). */
export const STATUS_COLORS: Record<EvalStatus, string> = {
  achieved_early: '#389e0d',
  ahead: '#08979c',
  on_track: '#0958d9',
  lagging: '#cf1322',
  no_data: '#8c8c8c',
  not_evaluable: '#722ed1',
};

/** At most this many names in a list, and never more than LIST_LINES lines (fewer when the page is short). */
export const MAX_NAMES = 12;
export const LIST_LINES = 4;

const WIDTH = typeWidth('portrait');
const HEIGHT = typeHeight('portrait');
/** Characters of first-line indent, as in the body of an official document. */
const INDENT = 2;
// Vertical space around the parts of the page, in points.
const HEADING_BELOW = 4;
const SECOND_HEADING_ABOVE = 12;
const CHART_MARGIN: [number, number] = [6, 8];
const LIST_GAP = 2;
/** Kept free at the foot of the page, for estimates a little short of pdfmake's layout. */
const SAFETY = 12;

/** "10项" and, when some were set by hand, "（含人工调整1项）": the same words in the text and on the chart. */
const countText = (c: StatusCount) => `${c.count}项${c.overridden > 0 ? `（含人工调整${c.overridden}项）` : ''}`;

/** A piece of a paragraph: its text, and whether it must stay on one line. */
type Piece = [string, boolean];

/** A text's inlines in a style; `keep` ones are never broken ("10项" stays on one line). */
function inlines(t: Texter, text: string, style: StyleName, keep = false): Inline[] {
  const content = t.node(text, style).text;
  const list = typeof content === 'string' ? [{ text: content }] : content;
  return keep ? list.map((i) => ({ ...i, noWrap: true })) : list;
}

const lineHeight = (t: Texter, style: StyleName) => t.line(STYLES[style].role).height * STYLES[style].size;

/**
 * Lines a paragraph takes when filled character by character from a first-line indent of `indent` characters,
 * with one character of slack per line for the line-breaking rules (no 、 at a line start, digits kept together).
 */
function lineCount(text: string, style: StyleName, t: Texter, indent = INDENT): number {
  const size = STYLES[style].size;
  const avail = WIDTH - size;
  let lines = 1;
  let x = indent * size;
  for (const w of t.widths(text, style)) {
    if (x + w > avail && x > 0) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

/**
 * "滞后指标（3项）：A、B、C。", or when they do not all fit in `maxLines` lines (or are more than MAX_NAMES)
 * "滞后指标：A、B等57项。"; a single name too long for the lines is itself cut ("…").
 */
export function nameList(lead: string, names: readonly string[], t: Texter, maxLines = LIST_LINES): string {
  const fits = (s: string) => lineCount(s, 'text', t) <= maxLines;
  if (names.length === 0) return `${lead}：无。`;
  const all = `${lead}（${names.length}项）：${names.join('、')}。`;
  if (names.length <= MAX_NAMES && fits(all)) return all;
  const cut = (k: number, first = names[0]!) =>
    `${lead}：${[first, ...names.slice(1, k)].join('、')}等${names.length}项。`;
  for (let k = Math.min(names.length - 1, MAX_NAMES); k >= 1; k--) if (fits(cut(k))) return cut(k);
  const chars = [...names[0]!];
  for (let keep = chars.length - 1; keep > 0; keep--) {
    const s = cut(1, chars.slice(0, keep).join('') + '…');
    if (fits(s)) return s;
  }
  return cut(1, '…');
}

/** A name with its marks: （约束性）/（滞后）and（人工调整）. */
const mark = (i: SummaryIndicator, withStatus: boolean) => {
  const notes = [
    ...(withStatus ? [i.label] : []),
    ...(!withStatus && i.binding ? ['约束性'] : []),
    ...(i.overridden ? ['人工调整'] : []),
  ];
  return notes.length > 0 ? `${i.name}（${notes.join('，')}）` : i.name;
};

/** The title with its line break between its parts when the whole does not fit on one line; and its line count. */
function titleText(parts: readonly string[], t: Texter): { text: string; lines: number } {
  const width = (s: string) => t.widths(s, 'title').reduce((a, w) => a + w, 0);
  const whole = parts.join('');
  if (width(whole) <= WIDTH - 1) return { text: whole, lines: 1 };
  if (parts.every((p) => width(p) <= WIDTH - 1)) return { text: parts.join('\n'), lines: parts.length };
  return { text: whole, lines: lineCount(whole, 'title', t, 0) };
}

function progressTable(s: AnnualSummary): ReportTable {
  const labels = s.progress[0]?.counts.map((c) => c.label) ?? [];
  const cell = (text: string) => ({ text, align: 'center' as const });
  return {
    id: 'annual-summary-progress',
    label: '',
    title: '',
    sheetName: '推进情况',
    orientation: 'portrait',
    columns: [
      { key: 'what', width: 2, align: 'center' },
      ...labels.map((_, k) => ({ key: `s${k}`, width: 1, align: 'center' as const })),
      { key: 'total', width: 1, align: 'center' },
    ],
    header: [[cell('类别'), ...labels.map(cell), cell('合计')]],
    rows: s.progress.map((p) => ({
      cells: [cell(p.label), ...p.counts.map((c) => cell(String(c.count))), cell(String(p.total))],
    })),
    groupColumn: null,
    notes: [],
    hints: [],
  };
}

export function summaryNodes(s: AnnualSummary, t: Texter): Content[] {
  const indent = (style: StyleName) => INDENT * STYLES[style].size;
  const heading = (text: string, top: number): TextNode =>
    t.node(text, 'heading', { margin: [0, top, 0, HEADING_BELOW], leadingIndent: indent('heading') });
  const paraStyle = { alignment: 'justify', leadingIndent: indent('text') } as const;
  const para = (text: string, bottom = 0): TextNode =>
    t.node(text, 'text', { ...paraStyle, margin: [0, 0, 0, bottom] });
  const pieces = (list: Piece[]): TextNode => ({
    text: list.flatMap(([text, keep]) => inlines(t, text, 'text', keep)),
    style: 'text',
    ...paraStyle,
  });

  // "2022年度，20项主要指标中：提前实现2项，…，无数据10项。" Every string the chart draws also stands in this
  // sentence, in the same font role: the faces the chart needs are then open before it is drawn (chart-fonts.ts).
  const sentence: Piece[] = [
    [`${s.year}年度，`, false],
    [`${s.indicatorTotal}项`, true],
    ['主要指标中：', false],
    ...s.statuses.flatMap((c, i): Piece[] => [
      [c.label, false],
      [`${c.count}项`, true],
      ...(c.overridden > 0
        ? ([
            ['（含人工调整', false],
            [`${c.overridden}项`, true],
            ['）', false],
          ] satisfies Piece[])
        : []),
      [i === s.statuses.length - 1 ? '。' : '，', false],
    ]),
  ];
  const bars: ChartBar[] = s.statuses.map((c) => ({
    label: c.label,
    value: countText(c),
    count: c.count,
    color: STATUS_COLORS[c.status],
  }));
  const chart = barChart(bars, WIDTH, {
    runs: (text) => t.runs(text, 'chart'),
    width: (text) => t.widths(text, 'chart').reduce((a, w) => a + w, 0),
    size: STYLES.chart.size,
  });
  const chartNode: SvgNode = {
    svg: chart.svg,
    width: chart.width,
    height: chart.height,
    margin: [0, CHART_MARGIN[0], 0, CHART_MARGIN[1]],
    options: { warningCallback: chartWarning },
  };
  const title = titleText(s.titleParts, t);
  const table = progressTable(s);

  // The height of everything but the two lists; they share what is left, a whole number of lines each.
  const fixed =
    4 * PITCH + // the title block: the title on grid line 3, what follows on line 5 …
    (title.lines - 1) * lineHeight(t, 'title') + // … pushed down by each further title line
    2 * (lineHeight(t, 'heading') + HEADING_BELOW) +
    SECOND_HEADING_ABOVE +
    lineCount(sentence.map((p) => p[0]).join(''), 'text', t) * lineHeight(t, 'text') +
    chart.height +
    CHART_MARGIN[0] +
    CHART_MARGIN[1] +
    LIST_GAP +
    oneLineRowHeight(t, 'head') * table.header.length +
    oneLineRowHeight(t, 'body') * table.rows.length;
  const spare = Math.floor((HEIGHT - SAFETY - fixed) / lineHeight(t, 'text'));
  const listLines = Math.max(1, Math.min(LIST_LINES, Math.floor(spare / 2)));

  return [
    ...headingNodes({ label: '', title: title.text }, t),
    heading('一、主要指标评价情况', 0),
    pieces(sentence),
    chartNode,
    para(
      nameList(
        '滞后指标',
        s.lagging.map((i) => mark(i, false)),
        t,
        listLines,
      ),
      LIST_GAP,
    ),
    para(
      nameList(
        '约束性指标',
        s.binding.map((i) => mark(i, true)),
        t,
        listLines,
      ),
    ),
    heading('二、十大行动和主要任务推进情况', SECOND_HEADING_ABOVE),
    ...tableNodes(table, 0, t, undefined, false),
  ];
}

export function summarySection(s: AnnualSummary, t: Texter): SectionNode {
  return { section: summaryNodes(s, t), pageOrientation: 'portrait', pageMargins: PORTRAIT_MARGINS };
}
