// When exceljs cannot load a workbook that passed the guard (workbook-guard.ts), says what is wrong in the clerk's
// words instead of "damaged": which part's XML is broken and how, or which cell points at a shared string that does
// not exist. Runs only after a failure, over parts already within the guard's limits.
import parseSax from 'exceljs/lib/utils/parse-sax.js';
import type { Guarded } from './workbook-guard';
import { label } from './workbook-guard';

export const UNREADABLE = '文件已损坏或不是有效的 Excel 工作簿，无法读取。请在 Excel/WPS 中打开确认后重新保存。';

const XML_ERRORS: [RegExp, string][] = [
  [/close tag|closing tag|unclosed tag/i, '标签不配对'],
  [/undefined entity/i, '使用了未定义的实体（&…;）'],
  [/tag name/i, '标签名不合法'],
  [/character entity|disallowed character|invalid character/i, '含有非法字符'],
  [/outside of root|only one root|root element/i, '根元素之外有多余内容或缺少根元素'],
  [/attribute/i, '属性格式错误'],
];

/** The XML parse error of a part, or null when it parses. */
async function xmlError(xml: Buffer): Promise<string | null> {
  const text = xml.toString('utf8');
  function* chunks() {
    for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
  }
  try {
    for await (const events of parseSax(chunks())) void events;
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return XML_ERRORS.find(([re]) => re.test(message))?.[1] ?? '格式错误';
  }
}

/** A cell pointing at a shared string the file does not have. */
function badSharedString(g: Extract<Guarded, { ok: true }>): string | null {
  const strings = g.parts.get('xl/sharedStrings.xml');
  let count = 0;
  if (strings) {
    const open = Buffer.from('<si');
    for (let i = strings.indexOf(open); i >= 0; i = strings.indexOf(open, i + 3)) {
      const next = strings[i + 3];
      if (next === 0x3e || next === 0x20 || next === 0x2f) count++;
    }
  }
  for (const [part, sheet] of g.sheetNames) {
    const xml = g.parts.get(part)?.toString('utf8') ?? '';
    for (const m of xml.matchAll(/<c\b([^>]*\bt\s*=\s*["']s["'][^>]*)>\s*<v>([^<]*)<\/v>/g)) {
      const index = Number(m[2]!.trim());
      if (Number.isInteger(index) && index >= 0 && index < count) continue;
      const cell = /\br\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '';
      return (
        `文件已损坏：工作表“${sheet}”的单元格 ${cell} 引用了第 ${m[2]!.trim().slice(0, 20)} 条共享字符串（单元格文字），` +
        `而文件中只有 ${count} 条，无法读取。请在 Excel/WPS 中打开确认后重新保存。`
      );
    }
  }
  return null;
}

/** A row number or cell address that is not one (row 0, row abc, A0, XFE1). */
function badAddress(g: Extract<Guarded, { ok: true }>): string | null {
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const [part, sheet] of g.sheetNames) {
    const xml = g.parts.get(part)?.toString('utf8') ?? '';
    for (const m of xml.matchAll(/<(row|c)\b[^>]*?\sr\s*=\s*["']([^"']*)["']/g)) {
      const r = m[2]!;
      const cell = /^([A-Z]{1,3})(\d{1,7})$/.exec(r);
      const ok =
        m[1] === 'row'
          ? /^\d{1,7}$/.test(r) && Number(r) >= 1 && Number(r) <= 1_048_576
          : !!cell && col(cell[1]!) <= 16_384 && Number(cell[2]) >= 1 && Number(cell[2]) <= 1_048_576;
      if (!ok) {
        const what = m[1] === 'row' ? '行号' : '单元格地址';
        return `文件已损坏：工作表“${sheet}”中有无效的${what}“${r.slice(0, 20)}”，无法读取。请在 Excel/WPS 中打开确认后重新保存。`;
      }
    }
  }
  return null;
}

/** Merged ranges that overlap (Excel never writes them; exceljs refuses them). */
function overlappingMerges(g: Extract<Guarded, { ok: true }>): string | null {
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const [part, sheet] of g.sheetNames) {
    const xml = g.parts.get(part)?.toString('utf8') ?? '';
    const boxes: { ref: string; t: number; l: number; b: number; r: number }[] = [];
    for (const m of xml.matchAll(
      /<mergeCell\b[^>]*?\sref\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?["']/g,
    )) {
      const [l, r] = [col(m[1]!), col(m[3] ?? m[1]!)];
      const [t, b] = [Number(m[2]), Number(m[4] ?? m[2])];
      const box = {
        ref: m[0].replace(/^.*ref\s*=\s*["']|["']$/g, ''),
        t: Math.min(t, b),
        b: Math.max(t, b),
        l: Math.min(l, r),
        r: Math.max(l, r),
      };
      const other = boxes.find((x) => x.t <= box.b && box.t <= x.b && x.l <= box.r && box.l <= x.r);
      if (other) {
        return `文件已损坏：工作表“${sheet}”的合并单元格“${other.ref}”与“${box.ref}”相互重叠，无法读取。请在 Excel/WPS 中打开确认后重新保存。`;
      }
      boxes.push(box);
    }
  }
  return null;
}

export async function explainLoadFailure(g: Extract<Guarded, { ok: true }>): Promise<string> {
  for (const [part, xml] of g.parts) {
    const what = await xmlError(xml);
    if (what) {
      return `文件已损坏：${label(part, g.sheetNames)}的 XML ${what}，无法读取。请在 Excel/WPS 中打开确认后重新保存。`;
    }
  }
  return badSharedString(g) ?? badAddress(g) ?? overlappingMerges(g) ?? UNREADABLE;
}
