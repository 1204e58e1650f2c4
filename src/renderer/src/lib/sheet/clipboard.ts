// Ranges on the clipboard, both ways: tab-separated text as Excel/WPS write it (quoted fields may hold tabs,
// newlines and doubled quotes) and the HTML table they put next to it. Cells are plain strings, kept verbatim;
// only HTML's own whitespace rules are applied (source line breaks collapse, <br> is a newline, &nbsp; a space).

export type Block = string[][];

/** Parses Excel-style TSV. A single trailing line break (Excel always adds one) does not make an empty row. */
export function parseTsv(text: string): Block {
  if (text === '') return [];
  const s = text.replace(/\r\n?/g, '\n');
  const rows: Block = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const { value, next } = readField(s, i);
    row.push(value);
    i = next;
    if (i >= s.length) {
      rows.push(row);
      break;
    }
    const sep = s[i];
    i++;
    if (sep === '\n') {
      rows.push(row);
      row = [];
      if (i >= s.length) break;
    }
  }
  return rows;
}

/** One field from `start`: quoted when it opens with a quote that closes right before a separator, else raw. */
function readField(s: string, start: number): { value: string; next: number } {
  if (s[start] === '"') {
    let out = '';
    let i = start + 1;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '"') {
        if (s[i + 1] === '"') {
          out += '"';
          i += 2;
          continue;
        }
        const after = s[i + 1];
        if (after === undefined || after === '\t' || after === '\n') return { value: out, next: i + 1 };
        break;
      }
      out += c;
      i++;
    }
    // A quote that does not close a field (`"5"批次` or an unbalanced `"abc`) is part of the text.
  }
  let end = start;
  while (end < s.length && s[end] !== '\t' && s[end] !== '\n') end++;
  return { value: s.slice(start, end), next: end };
}

const needsQuotes = (cell: string) => /[\t\n\r"]/.test(cell);

export function toTsv(block: Block): string {
  return block
    .map((row) => row.map((cell) => (needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t'))
    .join('\r\n')
    .concat(block.length ? '\r\n' : '');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A bare table Excel, WPS and Word all accept; line breaks inside a cell become <br>. */
export function toHtmlTable(block: Block): string {
  const rows = block
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell).replace(/\r?\n/g, '<br>')}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${rows}</table>`;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'TR']);
const SKIPPED_TAGS = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'HEAD']);

function cellText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      // HTML source line breaks and indentation are layout, not content.
      out += (n.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    if (BLOCK_TAGS.has(tag) && out !== '' && !out.endsWith('\n')) out += '\n';
    n.childNodes.forEach(walk);
  };
  node.childNodes.forEach(walk);
  return out
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The first table of an HTML fragment as rows of cell texts, or null when there is none. Each <td>/<th> is one
 * cell: colspan/rowspan are ignored, as a merged cell is one value.
 */
export function parseHtmlTable(html: string): Block | null {
  if (!/<table[\s>]/i.test(html)) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return null;
  const rows = [...table.rows].map((tr) => [...tr.cells].map((cell) => cellText(cell)));
  return rows.length ? rows : null;
}

/** What a paste event (or the async clipboard) offered: the HTML table when there is one, the text otherwise. */
export function blockFromClipboard(data: { html: string; text: string }): Block {
  const fromHtml = data.html ? parseHtmlTable(data.html) : null;
  return fromHtml ?? parseTsv(data.text);
}

/** Reads the system clipboard for a paste started from the context menu (no paste event to read from). */
export async function readSystemClipboard(): Promise<{ html: string; text: string }> {
  const clip = navigator.clipboard;
  if (!clip) throw new Error('clipboard unavailable');
  if (typeof clip.read === 'function') {
    try {
      const items = await clip.read();
      let html = '';
      let text = '';
      for (const item of items) {
        if (!html && item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
        if (!text && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
      }
      return { html, text };
    } catch {
      // Some shells allow readText but not read(); fall through.
    }
  }
  return { html: '', text: await clip.readText() };
}
