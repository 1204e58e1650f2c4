// The summary's bar chart as SVG: one horizontal bar per status, each labelled with the status at its left and the
// count (and how many of them were set by hand) at its right, so that the chart reads the same in black and white
// and the colour only repeats what the words say. Text is set in runs of the document's own faces (chart-fonts.ts).
import { svgFamily } from './chart-fonts';

export interface ChartBar {
  /** the status, printed at the left of the bar */
  label: string;
  /** printed at the right of the bar: "10项（含人工调整1项）" */
  value: string;
  count: number;
  color: string;
}

export interface ChartText {
  /** runs of one face each, by pdfmake family key */
  runs(text: string): { text: string; key: string }[];
  /** advance width in points of the whole text */
  width(text: string): number;
  size: number;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

const ROW = 22;
const BAR = 13;
const PAD_Y = 4;
const GAP = 6;
/** Where the ink of a Chinese line sits: its middle is this many ems above the baseline (em box 0.88 / −0.12). */
const INK_MIDDLE = 0.38;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n = (x: number) => String(Math.round(x * 100) / 100);

function text(t: ChartText, s: string, x: number, y: number, anchor: 'start' | 'end'): string {
  const runs = t.runs(s);
  const family = (key: string) => `font-family="${escape(svgFamily(key))}"`;
  const spans = runs.map((r) => `<tspan ${family(r.key)}>${escape(r.text)}</tspan>`).join('');
  // svg-to-pdfkit opens a font for the <text> element too, before its runs: give it the first run's.
  return (
    `<text x="${n(x)}" y="${n(y)}" ${family(runs[0]?.key ?? '')} font-size="${t.size}" ` +
    `text-anchor="${anchor}" fill="#000000">${spans}</text>`
  );
}

/** A chart `width` points wide; bars are scaled so that the longest one leaves room for its value label. */
export function barChart(bars: readonly ChartBar[], width: number, t: ChartText): Chart {
  const labelWidth = Math.max(0, ...bars.map((b) => t.width(b.label)));
  const valueWidth = Math.max(0, ...bars.map((b) => t.width(b.value)));
  const x0 = Math.ceil(labelWidth + GAP);
  const span = Math.max(1, width - x0 - GAP - valueWidth - 1);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const height = bars.length * ROW + 2 * PAD_Y;
  const parts: string[] = [];
  bars.forEach((b, i) => {
    const mid = PAD_Y + i * ROW + ROW / 2;
    const len = (span * b.count) / max;
    const baseline = mid + INK_MIDDLE * t.size;
    parts.push(text(t, b.label, x0 - GAP, baseline, 'end'));
    if (len > 0) {
      parts.push(`<rect x="${n(x0)}" y="${n(mid - BAR / 2)}" width="${n(len)}" height="${BAR}" fill="${b.color}"/>`);
    }
    parts.push(text(t, b.value, x0 + len + GAP, baseline, 'start'));
  });
  // The axis the bars grow from.
  parts.push(
    `<line x1="${n(x0)}" y1="${PAD_Y}" x2="${n(x0)}" y2="${n(height - PAD_Y)}" stroke="#000000" stroke-width="0.5"/>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" ` +
    `viewBox="0 0 ${n(width)} ${n(height)}">${parts.join('')}</svg>`;
  return { svg, width, height };
}
