// Clipboard ranges both ways: Excel/WPS TSV (quotes, tabs and newlines inside quotes, CRLF) and HTML tables.
import { describe, expect, it } from 'vitest';
import {
  blockFromClipboard,
  parseHtmlTable,
  parseTsv,
  toHtmlTable,
  toTsv,
} from '../../src/renderer/src/lib/sheet/clipboard';

describe('parseTsv', () => {
  it('reads a 3×5 block as Excel writes it (CRLF, trailing line break, empty cells, Chinese text)', () => {
    const text =
      '3.035\t3.1\t1,234.5\t\t≥95\r\n' +
      '３.５\t88%以上\t稳步提升\t5批次/千人以上\t\r\n' +
      '\t<4\t10,200\t1.96万户\t左右\r\n';
    expect(parseTsv(text)).toEqual([
      ['3.035', '3.1', '1,234.5', '', '≥95'],
      ['３.５', '88%以上', '稳步提升', '5批次/千人以上', ''],
      ['', '<4', '10,200', '1.96万户', '左右'],
    ]);
  });

  it('unquotes fields holding tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"line 1\r\nline 2"\t"say ""hi"""\n')).toEqual([['a\tb', 'line 1\nline 2', 'say "hi"']]);
  });

  it('keeps quotes that do not wrap a whole field', () => {
    expect(parseTsv('5"批次"\t"5"批次\t"open')).toEqual([['5"批次"', '"5"批次', '"open']]);
  });

  it('drops exactly one trailing line break; blank lines in between are empty rows', () => {
    expect(parseTsv('1\n')).toEqual([['1']]);
    expect(parseTsv('1\n\n2')).toEqual([['1'], [''], ['2']]);
    expect(parseTsv('1\n\n')).toEqual([['1'], ['']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('takes lone CRs (old Mac line ends) as line breaks', () => {
    expect(parseTsv('1\r2')).toEqual([['1'], ['2']]);
  });

  it('keeps text verbatim: no trimming, no number reformatting', () => {
    expect(parseTsv(' 3.50 \t0.10')).toEqual([[' 3.50 ', '0.10']]);
  });
});

describe('toTsv / toHtmlTable', () => {
  it('round-trips through parseTsv, quoting only where needed', () => {
    const block = [
      ['3.035', 'a\tb', 'two\nlines'],
      ['say "x"', '', '≥95'],
    ];
    const tsv = toTsv(block);
    expect(tsv).toBe('3.035\t"a\tb"\t"two\nlines"\r\n"say ""x"""\t\t≥95\r\n');
    expect(parseTsv(tsv)).toEqual(block);
  });

  it('writes an escaped HTML table with <br> for line breaks, which parses back', () => {
    const block = [['<b>x</b> & y', 'a\nb']];
    const html = toHtmlTable(block);
    expect(html).toBe('<table><tr><td>&lt;b&gt;x&lt;/b&gt; &amp; y</td><td>a<br>b</td></tr></table>');
    expect(parseHtmlTable(html)).toEqual(block);
  });
});

describe('parseHtmlTable', () => {
  // Abridged from what Excel 2016 puts on the clipboard (CF_HTML body).
  const excel = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8>
<style><!--table {mso-displayed-decimal-separator:"\\.";} .xl65 {mso-number-format:"\\@";}--></style></head>
<body link="#0563C1">
<!--StartFragment-->
<table border=0 cellpadding=0 cellspacing=0 width=216>
 <col width=72 span=3>
 <tr height=19>
  <td height=19 class=xl65 width=72>3.035</td>
  <td class=xl65 width=72>1,234.5</td>
  <td width=72>稳步提升</td>
 </tr>
 <tr height=38>
  <td height=38 class=xl65>第一行<br style='mso-data-placement:same-cell' />
  第二行</td>
  <td>&nbsp;</td>
  <td colspan=2>88%以上</td>
 </tr>
</table>
<!--EndFragment-->
</body></html>`;

  it('reads Excel’s table: <br> is a newline, &nbsp;-only cells are empty, colspan ignored, styles skipped', () => {
    expect(parseHtmlTable(excel)).toEqual([
      ['3.035', '1,234.5', '稳步提升'],
      ['第一行\n第二行', '', '88%以上'],
    ]);
  });

  it('reads a WPS-style table with <th>, nested markup and entities', () => {
    const wps =
      '<table><tbody><tr><th>指标</th><th>2023年</th></tr><tr><td><span><b>在册&amp;主体</b></span></td><td><font>３.５</font></td></tr></tbody></table>';
    expect(parseHtmlTable(wps)).toEqual([
      ['指标', '2023年'],
      ['在册&主体', '３.５'],
    ]);
  });

  it('returns null for HTML without a table', () => {
    expect(parseHtmlTable('<p>3.5</p>')).toBeNull();
    expect(parseHtmlTable('')).toBeNull();
  });

  it('prefers the HTML table and falls back to the text', () => {
    expect(blockFromClipboard({ html: '<table><tr><td>a<br>b</td></tr></table>', text: 'a b' })).toEqual([['a\nb']]);
    expect(blockFromClipboard({ html: '<span>x</span>', text: '1\t2' })).toEqual([['1', '2']]);
    expect(blockFromClipboard({ html: '', text: '' })).toEqual([]);
  });
});
