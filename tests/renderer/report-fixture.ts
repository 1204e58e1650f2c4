// Small ReportTables shaped like the core's 附件1 / 附件2: a two-row header with a colSpan group, a category
// cell spanning two body rows (covered cells null), values as clerks write them, a note and a hint.
import type { ExportResult, FontRoleInfo } from '../../src/shared/api';
import type { ReportCell, ReportTable } from '../../src/shared/report';

const c = (text: string, extra: Partial<ReportCell> = {}): ReportCell => ({ text, align: 'center', ...extra });

export function buildAppendix1(): ReportTable {
  return {
    id: 'appendix-1',
    label: '附件1',
    title: '磐安县市场监督管理“十四五”主要目标指标（2021-2025年）',
    sheetName: '附件1',
    orientation: 'landscape',
    columns: [
      { key: 'category', width: 8, align: 'center' },
      { key: 'seq', width: 6, align: 'center' },
      { key: 'name', width: 34, align: 'left' },
      { key: 'y2021', width: 11, align: 'center' },
      { key: 'y2025', width: 11, align: 'center' },
      { key: 'remark', width: 10, align: 'center' },
    ],
    header: [
      [
        c('类别', { rowSpan: 2 }),
        c('序号', { rowSpan: 2 }),
        c('主要指标', { rowSpan: 2 }),
        c('目标值', { colSpan: 2 }),
        null,
        c('备注', { rowSpan: 2 }),
      ],
      [null, null, null, c('2021年'), c('2025年'), null],
    ],
    rows: [
      {
        group: '主体活力',
        cells: [
          c('主体活力', { rowSpan: 2 }),
          c('1'),
          c('在册市场主体总量（万户）', { align: 'left' }),
          c('3.035', { number: 3.035, decimals: 3 }),
          c('5.050', { number: 5.05, decimals: 3 }),
          c('', { align: 'left' }),
        ],
      },
      {
        group: '主体活力',
        cells: [
          null,
          c('2'),
          { text: '公司制企业占企业总数比重（%）' },
          c('≥95'),
          c('96.20', { number: 96.2, decimals: 2 }),
          c('<b>年度评估</b>', { align: 'right' }),
        ],
      },
      {
        group: '质量提升',
        cells: [c('质量提升'), c('3'), c('质量安全水平', { align: 'left' }), c('稳步提升'), c(''), c('')],
      },
    ],
    groupColumn: 0,
    notes: ['注：带“≥”的为预期性指标。'],
    hints: ['第2项指标2025年目标（96.20）低于2021年目标（≥95）的口径，请核对。'],
  };
}

export function buildAppendix2(): ReportTable {
  return {
    id: 'appendix-2',
    label: '附件2',
    title: '磐安县市场监督管理“十四五”期间十大行动（2021-2025年）',
    sheetName: '附件2',
    orientation: 'portrait',
    columns: [
      { key: 'seq', width: 6, align: 'center' },
      { key: 'name', width: 20, align: 'left' },
      { key: 'goal', width: 40, align: 'left' },
    ],
    header: [[c('序号'), c('名称'), c('主要目标')]],
    rows: [{ cells: [c('1'), c('市场主体倍增行动'), { text: '年新增市场主体保持在15%以上。' }] }],
    groupColumn: null,
    notes: [],
    hints: [],
  };
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportResult(partial: Partial<ExportResult> = {}): ExportResult {
  return { fileName: '附件1.xlsx', mimeType: XLSX_MIME, warnings: [], ...partial };
}

export const fontRoles: FontRoleInfo[] = [
  {
    role: 'heiti',
    family: '黑体',
    file: 'C:\\Windows\\Fonts\\simhei.ttf',
    official: true,
    fallbacks: ['Noto Sans SC'],
  },
  {
    role: 'songti',
    family: 'Noto Serif SC',
    file: '/opt/plandesk/fonts/NotoSerifSC-Regular.otf',
    official: false,
    fallbacks: [],
  },
  {
    role: 'biaosong',
    family: 'Noto Serif SC',
    file: '/opt/plandesk/fonts/NotoSerifSC-Bold.otf',
    official: false,
    fallbacks: [],
  },
  {
    role: 'fangsong',
    family: '仿宋_GB2312',
    file: 'C:\\Windows\\Fonts\\FangSong_GB2312.ttf',
    official: true,
    fallbacks: ['FandolFang', 'Noto Serif SC'],
  },
];
