// Tests of the independent seed-text parser itself (tests/helpers/seed-text.ts):
// first against the shipped plan text, then against small synthetic inputs.
import { describe, expect, it } from 'vitest';
import { loadSeedDocument, parseSeedText, type SeedDocument } from '../helpers/seed-text';

describe('parseSeedText on the shipped plan text', () => {
  const doc: SeedDocument = loadSeedDocument();

  it('reads the document metadata', () => {
    expect(doc.title).toBe('磐安县市场监督管理“十四五”规划');
    expect(doc.docNumber).toBe('磐发改〔2021〕48号');
    expect(doc.issueDate).toBe('2021-12-07');
    expect(doc.issuers).toEqual(['磐安县发展和改革局', '磐安县市场监督管理局']);
    expect(doc.period).toEqual({ first: 2021, last: 2025 });
    expect(doc.indicatorYears).toEqual(['2021', '2022', '2025']);
  });

  it('reads 20 indicators in 6 categories, carrying the category down', () => {
    expect(doc.indicators).toHaveLength(20);
    expect(doc.indicators.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    const groups: [string, number][] = [];
    for (const r of doc.indicators) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[0] === r.category) last[1]++;
      else groups.push([r.category, 1]);
    }
    expect(groups).toEqual([
      ['主体活力', 6],
      ['创新创造', 3],
      ['质量提升', 3],
      ['市场消费', 4],
      ['竞争秩序', 1],
      ['安全监管', 3],
    ]);
    for (const r of doc.indicators) expect(Object.keys(r.values)).toEqual(['2021', '2022', '2025']);
  });

  it('keeps indicator names and values exactly as printed', () => {
    const bySeq = (seq: string) => doc.indicators.find((r) => r.seq === seq)!;
    expect(bySeq('1').printedName).toBe('在册市场主体总量（万户）');
    expect(bySeq('1').values).toEqual({ '2021': '3.035', '2022': '3.49', '2025': '5.05' });
    expect(bySeq('5').printedName).toBe('“双随机、一公开”信用应用率（%）');
    expect(bySeq('9').values['2021']).toBe('1.88');
    expect(bySeq('9').values['2022']).toBe('2');
    expect(bySeq('13').category).toBe('市场消费'); // first row of the second table
    expect(bySeq('20').values['2025']).toBe('0.22');
  });

  it('reads the 10 actions and joins the goal split by the page break', () => {
    expect(doc.actions).toHaveLength(10);
    expect(doc.actions.map((a) => a.seq)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    expect(doc.actions[0]).toEqual({
      seq: '1',
      name: '市场主体倍增行动',
      goal: '年新增市场主体保持在15%以上，到2025年，实现市场主体总数5万家以上。',
      remark: '',
    });
    expect(doc.actions[5].name).toBe('“磐五味”品牌培育行动');
    const a10 = doc.actions[9];
    expect(a10.name).toBe('监管能力提升行动');
    expect(a10.goal).toContain('“双随机、一公开”信用应用率80%以上');
    expect(a10.goal.endsWith('双随机跨部门监管率20%以上。')).toBe(true);
  });

  it('reads 23 tasks in 6 groups', () => {
    expect(doc.tasks).toHaveLength(23);
    const counts = new Map<string, number>();
    for (const t of doc.tasks) counts.set(t.groupSeq, (counts.get(t.groupSeq) ?? 0) + 1);
    expect([...counts.entries()]).toEqual([
      ['一', 7],
      ['二', 3],
      ['三', 3],
      ['四', 3],
      ['五', 3],
      ['六', 4],
    ]);
  });

  it('joins task text and group headings across page breaks', () => {
    const task = (g: string, s: string) => doc.tasks.find((t) => t.groupSeq === g && t.seq === s)!;
    const g1 = task('一', '1').groupTitle;
    expect(g1.endsWith('营商环境最优山区县')).toBe(true);
    expect(g1).toBe('在激发市场主体活力上先行先试，助力打造营商环境最优山区县');
    expect(task('二', '1').groupTitle).toBe('在知识产权全链条保护上先行先试，打造知识产权建设先行山区县');
    expect(task('一', '4').title).toBe('创新柔性监管（触发式监管）');
    expect(task('一', '4').text).toContain('监管事项');
    expect(task('一', '2').title).toBe('深化“证照分离”2.0版改革');
    expect(task('三', '2').text).toContain('引导科学消费');
    expect(task('五', '3').text).toContain('中药质量检测 and 中药质量研究');
    expect(task('六', '1').text).toContain('食品小作坊建设。深化食品安全抽检分离改革');
    for (const t of doc.tasks) {
      expect(t.text.startsWith(t.title)).toBe(true);
      expect(t.title).not.toContain('。');
    }
  });

  it('reads the development-basis section', () => {
    expect(doc.developmentBasis.startsWith('“十三五”期间，县委、县政府高度重视')).toBe(true);
    expect(doc.developmentBasis).toContain('年报率连续多年居全市前列；');
    expect(doc.developmentBasis).toContain('全县市场主体总量增长138%达26336家');
    expect(doc.developmentBasis).not.toContain('指导思想');
  });

  it('leaves no newline or pipe in any parsed text', () => {
    const texts: string[] = [doc.title, doc.docNumber, ...doc.issuers, doc.developmentBasis];
    for (const r of doc.indicators) texts.push(r.category, r.seq, r.printedName, ...Object.values(r.values));
    for (const a of doc.actions) texts.push(a.seq, a.name, a.goal, a.remark);
    for (const t of doc.tasks) texts.push(t.groupSeq, t.groupTitle, t.seq, t.title, t.text);
    for (const s of texts) {
      expect(s).not.toContain('\n');
      expect(s).not.toContain('|');
      expect(s).toBe(s.trim());
    }
  });
});

// ------------------------------------------------------------ synthetic inputs

interface Parts {
  annex1?: string;
  annex2?: string;
  tasks?: string;
}

/** A minimal complete document; any part can be replaced or dropped (''). */
function synthetic(parts: Parts = {}): string {
  const annex1 =
    parts.annex1 ??
    [
      '附件 1',
      '',
      '| 类别 | 序号 | 主要指标 | 2021 年 | 2025 年 | 备注 |',
      '|--|--|--|--|--|--|',
      '| 甲 乙 | 1 | 指标一（个） | 1 | 2 | |',
      '| | 2 | 指标二 | 3 | 4 | |',
      '',
      '| 类别 | 序号 | 主要指标 | 2021年 | 2025年 | 备注 |',
      '|--|--|--|--|--|--|',
      '| | 3 | 指标三 | 5 | 6 | |',
    ].join('\n');
  const annex2 =
    parts.annex2 ??
    [
      '附件2',
      '',
      '| 序号 | 名称 | 主要目标 | 备注 |',
      '|--|--|--|--|',
      '| 1 | 行动一 | 目标一。 | |',
      '| 2 | 行动二 | 前半“双随 | |',
      '',
      '| 序号 | 名称 | 主要目标 | 备注 |',
      '|--|--|--|--|',
      '| | | 机”后半。 | |',
    ].join('\n');
  const tasks =
    parts.tasks ??
    [
      '（一）在某方面先行先试，助力打造营商环境',
      '',
      '最优山区县',
      '',
      '1.第一项任务。第一项正文，跨',
      '',
      '页继续。',
      '',
      '2.第二项任务。',
      '',
      '(二)第二组',
      '',
      '1.唯一任务。',
    ].join('\n');
  return [
    '某县甲局 文件 某县乙局',
    '',
    '某发〔2020〕7号',
    '',
    '2020年1月5日',
    '',
    '某县某某规划',
    '',
    '前言。规划期限为2021—2025年。',
    '',
    '一、总体要求',
    '',
    '（一）发展基础',
    '',
    '基础第一段，未完',
    '',
    '待续。',
    '',
    '（二）指导思想',
    '',
    '二、主要任务',
    '',
    '引言。',
    '',
    tasks,
    '',
    '三、保障措施',
    '',
    '略。',
    '',
    annex1,
    '',
    annex2,
    '',
  ].join('\n');
}

describe('parseSeedText on synthetic inputs', () => {
  it('parses a minimal complete document', () => {
    const doc = parseSeedText(synthetic());
    expect(doc.title).toBe('某县某某规划');
    expect(doc.docNumber).toBe('某发〔2020〕7号');
    expect(doc.issueDate).toBe('2020-01-05');
    expect(doc.issuers).toEqual(['某县甲局', '某县乙局']);
    expect(doc.period).toEqual({ first: 2021, last: 2025 });
    expect(doc.developmentBasis).toBe('基础第一段，未完待续。');
    expect(doc.indicatorYears).toEqual(['2021', '2025']);
    expect(doc.indicators.map((r) => [r.category, r.seq, r.values['2025']])).toEqual([
      ['甲乙', '1', '2'],
      ['甲乙', '2', '4'],
      ['甲乙', '3', '6'],
    ]);
  });

  it('appends a page-break continuation row to the previous action goal', () => {
    const doc = parseSeedText(synthetic());
    expect(doc.actions).toEqual([
      { seq: '1', name: '行动一', goal: '目标一。', remark: '' },
      { seq: '2', name: '行动二', goal: '前半“双随机”后半。', remark: '' },
    ]);
  });

  it('joins a group heading and a task split across page breaks', () => {
    const doc = parseSeedText(synthetic());
    expect(doc.tasks).toHaveLength(3);
    const [t1, t2, t3] = doc.tasks;
    expect(t1.groupSeq).toBe('一');
    expect(t1.groupTitle).toBe('在某方面先行先试，助力打造营商环境最优山区县');
    expect(t1.title).toBe('第一项任务');
    expect(t1.text).toBe('第一项任务。第一项正文，跨页继续。');
    expect(t2.seq).toBe('2');
    expect(t3).toEqual({ groupSeq: '二', groupTitle: '第二组', seq: '1', title: '唯一任务', text: '唯一任务。' });
  });

  it('throws a clear error when the 附件1 section is missing', () => {
    expect(() => parseSeedText(synthetic({ annex1: '' }))).toThrow(Error);
    expect(() => parseSeedText(synthetic({ annex1: '' }))).toThrow(/no 附件1 section/);
  });

  it('throws on a continuation row with no preceding row', () => {
    const annex2 = ['附件2', '', '| 序号 | 名称 | 主要目标 | 备注 |', '|--|--|--|--|', '| | | 孤立。 | |'].join('\n');
    expect(() => parseSeedText(synthetic({ annex2 }))).toThrow(/continuation row/);
  });

  it('throws on a row whose cell count does not match the header', () => {
    const annex1 = [
      '附件1',
      '',
      '| 类别 | 序号 | 主要指标 | 2021年 | 备注 |',
      '|--|--|--|--|--|',
      '| 甲 | 1 | 指标 | 1 |',
    ].join('\n');
    expect(() => parseSeedText(synthetic({ annex1 }))).toThrow(/cells/);
  });

  it('throws when task numbers skip', () => {
    const tasks = ['（一）组', '', '1.甲。', '', '3.丙。'].join('\n');
    expect(() => parseSeedText(synthetic({ tasks }))).toThrow(/expected 2/);
  });
});
