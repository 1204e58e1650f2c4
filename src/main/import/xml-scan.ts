// One cheap pass over an XML part's bytes, before any parser sees it: how deep the elements nest, how many rows, cells,
// shared strings and elements there are, the longest shared string, the merged ranges — and whether the tags close.
// Not a parser: it skips text, comments, CDATA and processing instructions, reads attribute values only to step over
// them (a '>' inside quotes, as in a number format [>=10000]0.0, does not end a tag), and keeps the merged ranges'
// ref attributes as text. A DOCTYPE is refused before this runs (workbook-guard.ts).

export interface XmlScan {
  /** deepest nesting of elements */
  depth: number;
  /** opening tags (self-closing included) */
  elements: number;
  /** <row> elements */
  rows: number;
  /** <c> elements */
  cells: number;
  /** <si> elements */
  strings: number;
  /** bytes from one <si> to the next (or to the end): the longest shared string with its markup */
  longestString: number;
  /** the longest run of text between two tags (bytes) */
  longestText: number;
  /** the ref of each <mergeCell> */
  merges: string[];
  /** every element closed, none closed twice */
  balanced: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQ = 0x22;
const SQ = 0x27;

const isNameEnd = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT;

/** The end ('>') of the tag whose attributes start at `from`, stepping over quoted values; -1 if it never ends. */
function tagEnd(buf: Buffer, from: number): number {
  for (let j = from; j < buf.length; j++) {
    const b = buf[j];
    if (b === GT) return j;
    if (b === DQ || b === SQ) {
      const close = buf.indexOf(b, j + 1);
      if (close < 0) return -1;
      j = close;
    }
  }
  return -1;
}

/**
 * Scans `buf`; stops as soon as the nesting passes `maxDepth` (the result then has depth > maxDepth) or more than
 * `maxMerges` merged ranges are seen.
 */
export function scanXml(buf: Buffer, maxDepth: number, maxMerges: number): XmlScan {
  const scan: XmlScan = {
    depth: 0,
    elements: 0,
    rows: 0,
    cells: 0,
    strings: 0,
    longestString: 0,
    longestText: 0,
    merges: [],
    balanced: true,
  };
  let depth = 0;
  let lastString = -1;
  let i = buf.indexOf(LT);
  while (i !== -1) {
    const next = buf[i + 1];
    if (next === SLASH) {
      depth--;
      if (depth < 0) scan.balanced = false;
      const end = buf.indexOf(GT, i + 2);
      if (end < 0) break;
      i = buf.indexOf(LT, end + 1);
      const text = (i < 0 ? buf.length : i) - end - 1;
      if (text > scan.longestText) scan.longestText = text;
      continue;
    }
    if (next === BANG || next === QUESTION) {
      // <!-- comment -->, <![CDATA[ … ]]>, <?pi ?>: their contents may hold '<' that is not a tag.
      const closer = next === QUESTION ? '?>' : buf[i + 2] === 0x2d ? '-->' : buf[i + 2] === 0x5b ? ']]>' : '>';
      const end = buf.indexOf(closer, i + 2);
      if (end < 0) {
        scan.balanced = false;
        break;
      }
      i = buf.indexOf(LT, end + closer.length);
      continue;
    }
    let j = i + 1;
    while (j < buf.length && !isNameEnd(buf[j]!)) j++;
    const nameLength = j - i - 1;
    const end = tagEnd(buf, j);
    if (end < 0) {
      scan.balanced = false;
      break;
    }
    scan.elements++;
    if (buf[end - 1] !== SLASH) {
      depth++;
      if (depth > scan.depth) {
        scan.depth = depth;
        if (depth > maxDepth) return scan;
      }
    }
    if (nameLength === 1 && next === 0x63 /* c */) scan.cells++;
    else if (nameLength === 3 && next === 0x72 && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 /* row */) scan.rows++;
    else if (nameLength === 2 && next === 0x73 && buf[i + 2] === 0x69 /* si */) {
      scan.strings++;
      if (lastString >= 0) scan.longestString = Math.max(scan.longestString, i - lastString);
      lastString = i;
    } else if (nameLength === 9 && buf.toString('latin1', i + 1, j) === 'mergeCell') {
      const ref = /\bref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(buf.toString('latin1', j, end));
      scan.merges.push(ref ? (ref[1] ?? ref[2] ?? '') : '');
      if (scan.merges.length > maxMerges) return scan;
    }
    i = buf.indexOf(LT, end + 1);
    const text = (i < 0 ? buf.length : i) - end - 1;
    if (text > scan.longestText) scan.longestText = text;
  }
  if (lastString >= 0) scan.longestString = Math.max(scan.longestString, buf.length - lastString);
  if (depth !== 0) scan.balanced = false;
  return scan;
}
