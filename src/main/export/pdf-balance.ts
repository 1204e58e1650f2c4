// Balanced line breaks for short centred cells: pdfmake fills lines greedily, which leaves a single character on
// the last line of a narrow cell ("主体活 / 力", "市场主体倍增行 / 动"). A typesetter would write "主体 / 活力".

// Characters that must not start a line, and that must not end one (GB/T 15834 punctuation rules).
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’％‰·…—～,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
// Ideographs, CJK punctuation and full-width forms: a line may break next to one of these, never inside a run of
// Latin letters or digits ("2021-2025", "1+3+3").
const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u{20000}-\u{3134f}]/u;

const MAX_LINES = 4;

function canBreak(before: string, after: string): boolean {
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  return CJK.test(before) || CJK.test(after);
}

/**
 * `text` with line breaks that spread it evenly over the fewest lines no wider than `avail` points, or null when
 * it fits on one line, is long (over MAX_LINES lines), contains whitespace, or cannot be broken within the rules.
 * `widths` holds each code point's advance width.
 */
export function balanceLines(text: string, widths: readonly number[], avail: number): string | null {
  const chars = [...text];
  if (chars.length !== widths.length || /\s/.test(text)) return null;
  const total = widths.reduce((s, w) => s + w, 0);
  if (total <= avail) return null;
  const cum = [0];
  for (const w of widths) cum.push(cum.at(-1)! + w);
  for (let lines = Math.ceil(total / avail); lines <= MAX_LINES; lines++) {
    const breaks = pickBreaks(chars, cum, avail, lines);
    if (breaks) return breaks.map((b, i) => chars.slice(b, breaks[i + 1] ?? chars.length).join('')).join('\n');
  }
  return null;
}

/** Start indexes of `lines` lines, each break nearest its ideal share of the width; null when none fits. */
function pickBreaks(chars: string[], cum: number[], avail: number, lines: number): number[] | null {
  const total = cum.at(-1)!;
  const starts = [0];
  for (let i = 1; i < lines; i++) {
    const from = starts.at(-1)!;
    const ideal = (total * i) / lines;
    let best = -1;
    for (let k = from + 1; k < chars.length; k++) {
      if (cum[k]! - cum[from]! > avail) break;
      if (!canBreak(chars[k - 1]!, chars[k]!)) continue;
      if (best < 0 || Math.abs(cum[k]! - ideal) < Math.abs(cum[best]! - ideal)) best = k;
    }
    if (best < 0) return null;
    starts.push(best);
  }
  return total - cum[starts.at(-1)!]! <= avail ? starts : null;
}
