// 从 Excel 导入规划 against a fake core: one workbook read to base64 and previewed with the optional short name and title,
// the preview shown (metadata, columns found, categories with indicators and values, problems), plan/import-apply sent
// with the same arguments and the preview's token, the new plan shown; a file over 20 MB refused before reading; a
// preview with errors cannot be confirmed; a stale token is explained and previewed again.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import type { PlanSummary } from '../../src/shared/model';
import type { PlanImportPreview } from '../../src/shared/plan-import';
import { appCore, detailOf, type AppCore, type AppHandler } from './app-core';
import { fail } from './monitoring-core';
import { ok, planSummary } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const TOKEN = 'c'.repeat(64);
const NEW_TOKEN = 'd'.repeat(64);

const imported: PlanSummary = {
  ...planSummary,
  id: 7,
  shortName: '十五五',
  title: '某县市场监督管理“十五五”规划',
  firstYear: 2026,
  lastYear: 2030,
  baseYear: 2025,
  indicatorCount: 3,
};

const place = (cell: string) => ({ file: '附件1.xlsx', sheet: '附件1', cell });

function preview(token = TOKEN, problems: PlanImportPreview['problems'] = []): PlanImportPreview {
  return {
    file: '附件1.xlsx',
    sha256: '0'.repeat(64),
    token,
    plan: {
      title: '某县市场监督管理“十五五”规划',
      shortName: '十五五',
      firstYear: 2026,
      lastYear: 2030,
      baseYear: 2025,
      targetYears: [2030],
      columns: ['序号', '指标名称', '单位', '基期值（2025年）', '目标值（2030年）', '属性'],
      layout: {
        columns: [
          { kind: 'seq', header: '序号' },
          { kind: 'name', header: '指标名称' },
          { kind: 'unit', header: '单位' },
          { kind: 'base', header: '基期值（2025年）', year: 2025 },
          { kind: 'target', header: '目标值（2030年）', year: 2030 },
          { kind: 'nature', header: '属性' },
        ],
        categories: 'rows',
        categoryNumbering: '一、',
        notes: [],
      },
      appendix: { label: '附件1', title: '某县市场监督管理“十五五”主要指标' },
    },
    categories: [
      {
        name: '质量提升',
        indicators: [
          {
            seq: '1',
            printedName: '食品抽检合格率（%）',
            name: '食品抽检合格率',
            unit: '%',
            nature: 'binding',
            base: '98.5',
            targets: { '2030': '≥98' },
            remark: null,
            department: null,
            dataSource: null,
            place: place('B5'),
          },
          {
            seq: '2',
            printedName: '质量安全水平',
            name: '质量安全水平',
            unit: null,
            nature: 'expected',
            base: null,
            targets: { '2030': '稳步提升' },
            remark: '按年度评估',
            department: null,
            dataSource: null,
            place: place('B6'),
          },
        ],
      },
      {
        name: '安全监管',
        indicators: [
          {
            seq: '3',
            printedName: '每千人食品安全抽检批次',
            name: '每千人食品安全抽检批次',
            unit: '批次/千人',
            nature: null,
            base: '5',
            targets: { '2030': '5批次/千人以上' },
            remark: null,
            department: null,
            dataSource: null,
            place: place('B8'),
          },
        ],
      },
    ],
    problems,
  };
}

const warning = { ...place('D6'), severity: 'warning' as const, message: '基期值为空，导入后可在“主要指标”中补填。' };
const error = { ...place('E8'), severity: 'error' as const, message: '“5批次/千人以上”所在行缺少序号。' };

const applies: AppHandler = (_args: never, core) => {
  core.plans.push(structuredClone(imported));
  core.details.set(imported.id, detailOf(imported));
  return ok(structuredClone(imported));
};

async function openImport(core: AppCore) {
  renderWithApi(<App />, core.transport);
  await screen.findByTestId('indicator-row-1', {}, { timeout: 5000 });
  fireEvent.click(screen.getByTestId('plan-manage'));
  fireEvent.click(await screen.findByTestId('plan-import-open'));
  return screen.findByTestId('plan-import-dialog');
}

const fileInput = (dialog: HTMLElement) => dialog.querySelector<HTMLInputElement>('input[type="file"]')!;
const workbook = () => new File(['PK\u0003\u0004 appendix'], '附件1.xlsx');
const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement;

async function pick(dialog: HTMLElement, file: File) {
  fireEvent.change(fileInput(dialog), { target: { files: [file] } });
  await waitFor(() => expect(within(dialog).getByTestId('plan-import-chosen').textContent).toContain(file.name));
}

async function toPreview(core: AppCore, names: { shortName?: string; title?: string } = {}) {
  const dialog = await openImport(core);
  await pick(dialog, workbook());
  if (names.shortName !== undefined)
    fireEvent.change(screen.getByTestId('plan-import-short-name'), { target: { value: names.shortName } });
  if (names.title !== undefined)
    fireEvent.change(screen.getByTestId('plan-import-title'), { target: { value: names.title } });
  fireEvent.click(button('plan-import-run-preview'));
  await within(dialog).findByTestId('plan-import-preview');
  return dialog;
}

describe('从 Excel 导入规划', () => {
  it('previews the workbook with the names given and shows what the plan would be', async () => {
    const core = appCore([planSummary], { 'plan/import-preview': () => ok(preview(TOKEN, [warning])) });
    const dialog = await toPreview(core, { shortName: ' 十五五 ', title: '某县市场监督管理“十五五”规划' });
    const [args] = core.argsOf('plan/import-preview') as {
      file: { name: string; bytesBase64: string };
      shortName?: string;
      title?: string;
    }[];
    expect(args).toEqual({
      file: { name: '附件1.xlsx', bytesBase64: btoa('PK\u0003\u0004 appendix') },
      shortName: '十五五',
      title: '某县市场监督管理“十五五”规划',
    });
    expect(core.argsOf('plan/import-apply')).toEqual([]);

    expect(within(dialog).getByTestId('plan-import-summary').textContent).toBe(
      '将创建规划“十五五”：2 个类别，3 项指标；1 个问题（其中 0 个错误）',
    );
    const meta = within(dialog).getByTestId('plan-import-meta').textContent;
    expect(meta).toContain('某县市场监督管理“十五五”规划');
    expect(meta).toContain('2026—2030年');
    expect(meta).toContain('基期年份2025年');
    expect(meta).toContain('附件1 某县市场监督管理“十五五”主要指标');
    expect(
      [...within(dialog).getByTestId('plan-import-columns').querySelectorAll('.ant-tag')].map((t) => t.textContent),
    ).toEqual(['序号', '指标名称', '单位', '基期值（2025年）', '目标值（2030年）', '属性']);

    const table = within(dialog).getByTestId('plan-import-indicators');
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['类别', '序号', '指标名称', '单位', '属性', '基期值（2025年）', '2030年目标值', '备注']);
    expect(within(dialog).getByTestId('plan-import-row-1').textContent).toBe('质量提升1食品抽检合格率%约束性98.5≥98—');
    expect(within(dialog).getByTestId('plan-import-row-2').textContent).toBe('2质量安全水平—预期性—稳步提升按年度评估');
    expect(within(dialog).getByTestId('plan-import-row-3').textContent).toBe(
      '安全监管3每千人食品安全抽检批次批次/千人—55批次/千人以上—',
    );
    const problems = [...within(dialog).getByTestId('import-problems').querySelectorAll('tbody tr')];
    expect(problems.map((r) => r.textContent)).toEqual([
      '提示附件1.xlsx附件1D6基期值为空，导入后可在“主要指标”中补填。',
    ]);
    expect(button('plan-import-apply').disabled).toBe(false);
    expect(button('plan-import-apply').textContent).toBe('确认创建规划“十五五”');
  });

  it('creates the plan with the previewed arguments and token, then shows it', async () => {
    const core = appCore([planSummary], { 'plan/import-preview': () => ok(preview()), 'plan/import-apply': applies });
    await toPreview(core, { shortName: '十五五' });
    fireEvent.click(button('plan-import-apply'));
    await waitFor(() => expect(core.argsOf('plan/import-apply')).toHaveLength(1));
    const [previewed] = core.argsOf('plan/import-preview') as object[];
    expect(core.argsOf('plan/import-apply')[0]).toEqual({ ...previewed, token: TOKEN });
    expect(await screen.findByText('已导入规划“十五五”，共 3 项指标')).toBeTruthy();
    await waitFor(() => expect(core.argsOf('plan/get')).toContainEqual({ plan: 7 }));
    await waitFor(() => expect(screen.getByTestId('plan-switcher').textContent).toContain('十五五'));
    expect(screen.queryByTestId('plan-import-dialog')).toBeNull();
  });

  it('leaves the names out when none are given', async () => {
    const core = appCore([planSummary], { 'plan/import-preview': () => ok(preview()) });
    await toPreview(core);
    expect(Object.keys(core.argsOf('plan/import-preview')[0] as object)).toEqual(['file']);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const core = appCore([planSummary], { 'plan/import-preview': () => ok(preview()) });
    const dialog = await openImport(core);
    const big = new File(['x'], '全县指标.xlsx');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    fireEvent.change(fileInput(dialog), { target: { files: [big] } });
    expect((await within(dialog).findByTestId('plan-import-refused')).textContent).toBe(
      '全县指标.xlsx：文件超过 20 MB，不像是规划附件，未选入。',
    );
    expect(within(dialog).queryByTestId('plan-import-chosen')).toBeNull();
    expect(button('plan-import-run-preview').disabled).toBe(true);
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(core.argsOf('plan/import-preview')).toEqual([]);

    await pick(dialog, workbook());
    expect(within(dialog).queryByTestId('plan-import-refused')).toBeNull();
    expect(button('plan-import-run-preview').disabled).toBe(false);
  });

  it('cannot confirm a preview with errors, and says why', async () => {
    const core = appCore([planSummary], {
      'plan/import-preview': () => ok(preview(TOKEN, [error, warning])),
      'plan/import-apply': applies,
    });
    const dialog = await toPreview(core);
    expect(within(dialog).getByTestId('plan-import-blocked').textContent).toContain('文件中有 1 处错误');
    expect(button('plan-import-apply').disabled).toBe(true);
    const rows = [...within(dialog).getByTestId('import-problems').querySelectorAll('tbody tr')];
    expect(rows[0]!.textContent).toBe('错误附件1.xlsx附件1E8“5批次/千人以上”所在行缺少序号。');
  });

  it('explains a stale token, previews again and creates with the new token', async () => {
    let previews = 0;
    const core = appCore([planSummary], {
      'plan/import-preview': () => ok(preview(++previews === 1 ? TOKEN : NEW_TOKEN)),
      'plan/import-apply': (args: { token: string }, c) =>
        args.token === TOKEN
          ? fail(
              'CONFLICT',
              '预览之后文件或导入选项（简称、规划名称）有了变化，为避免导入与预览不一致，未导入。请重新预览后再确认。',
            )
          : applies(args as never, c),
    });
    const dialog = await toPreview(core);
    fireEvent.click(button('plan-import-apply'));
    const alert = await within(dialog).findByTestId('plan-import-error');
    expect(alert.textContent).toContain('预览之后文件、导入选项或已有规划有了变化，本次没有创建规划。请重新预览');
    expect(alert.textContent).toContain('为避免导入与预览不一致，未导入');
    expect(button('plan-import-apply').disabled).toBe(true);
    expect(core.argsOf('plan/list')).toHaveLength(1);

    fireEvent.click(within(dialog).getByTestId('plan-import-repreview'));
    await waitFor(() => expect(core.argsOf('plan/import-preview')).toHaveLength(2));
    await waitFor(() => expect(button('plan-import-apply').disabled).toBe(false));
    fireEvent.click(button('plan-import-apply'));
    await waitFor(() => expect(core.argsOf('plan/import-apply')).toHaveLength(2));
    expect((core.argsOf('plan/import-apply')[1] as { token: string }).token).toBe(NEW_TOKEN);
    expect(await screen.findByText('已导入规划“十五五”，共 3 项指标')).toBeTruthy();
  });

  it('says so when the core cannot read the workbook, keeping the file chosen', async () => {
    const core = appCore([planSummary], {
      'plan/import-preview': () => fail('VALIDATION', '“附件1.xlsx”不是 Excel 工作簿（.xlsx）。'),
    });
    const dialog = await openImport(core);
    await pick(dialog, workbook());
    fireEvent.click(button('plan-import-run-preview'));
    expect((await within(dialog).findByTestId('plan-import-error')).textContent).toBe(
      '预览失败：“附件1.xlsx”不是 Excel 工作簿（.xlsx）。',
    );
    expect(within(dialog).getByTestId('plan-import-chosen').textContent).toContain('附件1.xlsx');
  });

  it('shows why the plan was not created, and writes nothing when cancelled', async () => {
    const core = appCore([planSummary], {
      'plan/import-preview': () => ok(preview()),
      'plan/import-apply': () => fail('DB_ERROR', '磁盘已满，无法写入数据库。'),
    });
    const dialog = await toPreview(core);
    fireEvent.click(button('plan-import-apply'));
    expect((await within(dialog).findByTestId('plan-import-error')).textContent).toBe(
      '导入失败：磁盘已满，无法写入数据库。',
    );
    expect(button('plan-import-apply').disabled).toBe(false);
    fireEvent.click(button('plan-import-cancel'));
    await waitFor(() => expect(screen.queryByTestId('plan-import-dialog')).toBeNull());
    expect(core.argsOf('plan/list')).toHaveLength(1);
  });
});
