// Text as pdfmake nodes: named styles per use (label, title, table head and body, page number), per-character font
// runs (fonts.ts), one line box for every face of a role so that a fallback character does not make its line
// taller (font-runs.ts already gives all faces the same metrics; the line-height multipliers here cover a face it
// could not rewrite), and the characters no font can draw collected on the way.
import {
  charWidths,
  faceMetrics,
  splitRuns,
  usableFaces,
  FONT_ROLES,
  type FontFace,
  type FontRole,
  type FontSet,
} from './fonts';
import type { Inline, StyleDef, TextNode } from './pdfmake-api';

/** Top and bottom of the ideographic em box, in ems from the baseline: where Chinese glyphs' ink sits. */
const EM_BOX_TOP = 0.88;
const EM_BOX_BOTTOM = 0.12;

/**
 * Where each kind of text is set (GB/T 9704; table text by common practice): 3号黑体 label, 2号标宋 title,
 * 五号 黑体 table head, 五号 仿宋 table body (single-spaced), 4号宋体 page number. The annual summary page adds
 * 3号黑体 headings (一、…), 4号仿宋 text and 小四 仿宋 in its chart.
 */
export const STYLES = {
  label: { role: 'heiti', size: 16, cell: false },
  title: { role: 'biaosong', size: 22, cell: false },
  head: { role: 'heiti', size: 10.5, cell: true },
  body: { role: 'fangsong', size: 10.5, cell: true },
  note: { role: 'fangsong', size: 10.5, cell: false },
  pageNo: { role: 'songti', size: 14, cell: false },
  heading: { role: 'heiti', size: 16, cell: false },
  text: { role: 'fangsong', size: 14, cell: false },
  chart: { role: 'fangsong', size: 12, cell: false },
} as const satisfies Record<string, { role: FontRole; size: number; cell: boolean }>;
export type StyleName = keyof typeof STYLES;
/** The styles only the annual summary page uses: left out of other documents' definitions. */
const SUMMARY_STYLES: readonly StyleName[] = ['heading', 'text', 'chart'];

export interface RoleLine {
  /** line height in ems, the same for all faces of the role */
  height: number;
  /** baseline below the line top, in ems, on a line drawn in the primary face only */
  ascent: number;
}

export interface Texter {
  /** pdfmake family key of a face */
  key(face: FontFace): string;
  line(role: FontRole): RoleLine;
  /** a text node in a style; characters no face of its role has are remembered in `missing` */
  node(text: string, style: StyleName, extra?: Omit<TextNode, 'text' | 'style'>): TextNode;
  /**
   * `text` split into runs of one face each, by pdfmake family key (for text drawn outside pdfmake's text nodes:
   * the summary chart); characters no face of its role has are remembered in `missing`
   */
  runs(text: string, style: StyleName): { text: string; key: string }[];
  /** advance width in points of each code point of `text` in a style */
  widths(text: string, style: StyleName): number[];
  /** the style dictionary of the document definition (the summary page's styles only when it has one) */
  styles(summary?: boolean): Partial<Record<StyleName, StyleDef>>;
  /** the faces the document may use, by pdfmake family key */
  faces(): [string, FontFace][];
  /** deduplicated, in order of first appearance */
  missing(): string[];
}

const round = (n: number) => Math.round(n * 10000) / 10000;

export function createTexter(fonts: FontSet): Texter {
  // One pdfmake family per distinct face (file + face in a collection), named after the face; a clash of names
  // between different files gets a numbered suffix so that keys stay stable for a given FontSet.
  // A face fontkit cannot open (a broken installed font) is left out altogether.
  const usable = Object.fromEntries(FONT_ROLES.map((r) => [r, usableFaces(fonts.roles[r])])) as Record<
    FontRole,
    FontFace[]
  >;
  const keys = new Map<string, string>();
  const faceOf = new Map<string, FontFace>();
  const identity = (f: FontFace) => `${f.file}\0${f.postscriptName ?? ''}`;
  for (const role of FONT_ROLES) {
    for (const face of usable[role]) {
      if (keys.has(identity(face))) continue;
      let key = face.family;
      for (let n = 2; faceOf.has(key); n++) key = `${face.family} #${n}`;
      keys.set(identity(face), key);
      faceOf.set(key, face);
    }
  }
  const key = (face: FontFace): string => keys.get(identity(face)) ?? face.family;

  const line = (role: FontRole): RoleLine => {
    const m = usable[role].map(faceMetrics);
    return { height: Math.max(...m.map((x) => x.ascent)) + Math.max(...m.map((x) => x.descent)), ascent: m[0]!.ascent };
  };
  // pdfmake takes a line's height from its tallest inline, so each face gets the multiplier that makes its natural
  // height (ascent + descent) equal to the role's line box.
  const multiplier = (face: FontFace, role: FontRole) => {
    const m = faceMetrics(face);
    return round(line(role).height / (m.ascent + m.descent));
  };
  // Padding [top, bottom] that centres the ink of a primary-face line vertically in a table cell (a 仿宋 line
  // laid out with Noto's tall metrics otherwise sits high in its cell).
  const inkBalance = (role: FontRole, size: number): [number, number] => {
    const l = line(role);
    const above = l.ascent - EM_BOX_TOP;
    const below = l.height - l.ascent - EM_BOX_BOTTOM;
    const d = round((below - above) * size);
    return d >= 0 ? [d, 0] : [0, -d];
  };

  const missing: string[] = [];
  const splitFor = (text: string, style: StyleName) => {
    const s = splitRuns(text, usable[STYLES[style].role]);
    for (const ch of s.missing) if (!missing.includes(ch)) missing.push(ch);
    return s;
  };
  return {
    key,
    line,
    node(text, style, extra = {}) {
      const role = STYLES[style].role;
      const faces = usable[role];
      const split = splitFor(text, style);
      const primary = faces[0]!;
      const plain = split.runs.every((r) => r.face === primary);
      const content: string | Inline[] = plain
        ? split.runs.map((r) => r.text).join('')
        : split.runs.map((r) =>
            r.face === primary
              ? { text: r.text }
              : { text: r.text, font: key(r.face), lineHeight: multiplier(r.face, role) },
          );
      return { text: content, style, ...extra };
    },
    runs: (text, style) => splitFor(text, style).runs.map((r) => ({ text: r.text, key: key(r.face) })),
    widths: (text, style) => charWidths(text, usable[STYLES[style].role], STYLES[style].size),
    styles(summary = false) {
      const out: Partial<Record<StyleName, StyleDef>> = {};
      for (const [name, s] of Object.entries(STYLES) as [StyleName, (typeof STYLES)[StyleName]][]) {
        if (!summary && SUMMARY_STYLES.includes(name)) continue;
        const primary = usable[s.role][0]!;
        const def: StyleDef = { font: key(primary), fontSize: s.size, lineHeight: multiplier(primary, s.role) };
        if (s.cell) {
          const [top, bottom] = inkBalance(s.role, s.size);
          def.margin = [0, top, 0, bottom];
        }
        out[name] = def;
      }
      return out;
    },
    faces: () => [...faceOf],
    missing: () => [...missing],
  };
}
