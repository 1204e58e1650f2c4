// 导入填报表 against a fake core: files read to base64 and sent for preview (a .docx too: the core says why it cannot be
// used), the preview shown (files, changes, conflicts, problems), import/apply sent with the same files and the
// preview's token, the plan reloaded; a file over 20 MB refused before reading; cancel writes nothing; a stale token
// sends the clerk back to preview; the core's errors are shown.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportPreview } from '../../src/shared/import';
import { parseValue } from '../../src/shared/value';
import { MonitoringPage } from '../../src/renderer/src/pages/MonitoringPage';
import { fail, fakeCore, type FakeCore, type Handler } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const TOKEN = 'a'.repeat(64);
const NEW_TOKEN = 'b'.repeat(64);
const bytesOf = (f: { name: string; bytesBase64: string }) => atob(f.bytesBase64);

function preview(token = TOKEN): ImportPreview {
  return {
    planId: 1,
    token,
    files: [
      {
        file: '年度完成情况表.xlsx',
        sha256: '0'.repeat(64),
        kind: 'annual',
        year: 2021,
        matched: 3,
        changed: 1,
        unchanged: 2,
        rejected: false,
      },
      {
        file: '说明.docx',
        sha256: '1'.repeat(64),
        kind: 'unknown',
        year: null,
        matched: 0,
        changed: 0,
        unchanged: 0,
        rejected: true,
      },
    ],
    changes: [
      {
        file: '年度完成情况表.xlsx',
        sheet: '指标完成情况',
        cell: 'G5',
        indicatorId: 1,
        seq: '1',
        name: '在册市场主体总量',
        year: 2021,
        kind: 'actual',
        before: '3.1',
        after: '2.7',
        noteBefore: null,
        noteAfter: '按新口径统计',
      },
      {
        file: '年度完成情况表.xlsx',
        sheet: '指标完成情况',
        cell: 'G7',
        indicatorId: 3,
        seq: '3',
        name: '质量安全水平',
        year: 2021,
        kind: 'actual',
        before: null,
        after: '稳步提升',
      },
    ],
    unchanged: [],
    conflicts: [
      {
        indicatorId: 2,
        seq: '2',
        name: '公司制企业占企业总数比重',
        year: 2021,
        values: [
          { file: '年度完成情况表.xlsx', sheet: '指标完成情况', cell: 'G6', text: '96.5' },
          { file: '登记科.xlsx', sheet: '填报表', cell: 'E4', text: '97' },
        ],
      },
    ],
    problems: [
      {
        severity: 'error',
        file: '说明.docx',
        sheet: null,
        cell: null,
        message: '这不是 Excel 工作簿（.xlsx），未导入。',
      },
      {
        severity: 'warning',
        file: '年度完成情况表.xlsx',
        sheet: '指标完成情况',
        cell: 'G7',
        message: '“稳步提升”不是数字，已按原文导入，无法计算完成进度。',
      },
    ],
  };
}

/** Preview answers `preview()`; apply writes indicator 1's 2021 actual, as the real core would. */
function core(handlers: { preview?: Handler; apply?: Handler } = {}): FakeCore {
  return fakeCore(buildPlanDetail(), {
    'import/preview': handlers.preview ?? (() => ok(preview())),
    'import/apply':
      handlers.apply ??
      ((_args: never, c) => {
        const ind = c.detail.indicators.find((i) => i.id === 1)!;
        ind.values = ind.values.map((v) =>
          v.year === 2021 && v.kind === 'actual' ? { ...v, ...parseValue('2.7') } : v,
        );
        return ok({ applied: 2, logged: 3 });
      }),
  });
}

async function openImport(c: FakeCore) {
  renderWithApi(<MonitoringPage planId={1} />, c.transport);
  await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
  fireEvent.click(screen.getByTestId('import-open'));
  return screen.findByTestId('import-dialog');
}

const fileInput = (dialog: HTMLElement) => dialog.querySelector<HTMLInputElement>('input[type="file"]')!;

async function pick(dialog: HTMLElement, files: File[]) {
  fireEvent.change(fileInput(dialog), { target: { files } });
  await waitFor(() => expect(within(dialog).getByTestId('import-chosen').textContent).toContain(files.at(-1)!.name));
}

const xlsx = () => new File(['PK\u0003\u0004 workbook'], '年度完成情况表.xlsx');
const docx = () => new File(['not a workbook'], '说明.docx');
const buttonOf = (id: string) => screen.getByTestId(id) as HTMLButtonElement;

async function toPreview(c: FakeCore) {
  const dialog = await openImport(c);
  await pick(dialog, [xlsx(), docx()]);
  fireEvent.click(buttonOf('import-run-preview'));
  await within(dialog).findByTestId('import-preview');
  return dialog;
}

describe('导入填报表', () => {
  it('sends every chosen file, .docx included, as base64 for preview and shows what would change', async () => {
    const c = core();
    const dialog = await toPreview(c);
    const [args] = c.argsOf('import/preview') as { planId: number; files: { name: string; bytesBase64: string }[] }[];
    expect(args.planId).toBe(1);
    expect(args.files.map((f) => f.name)).toEqual(['年度完成情况表.xlsx', '说明.docx']);
    expect(args.files.map(bytesOf)).toEqual(['PK\u0003\u0004 workbook', 'not a workbook']);
    expect(c.argsOf('import/apply')).toEqual([]);

    expect(within(dialog).getByTestId('import-summary').textContent).toBe('共 2 个文件：2 处修改，1 处冲突，2 个问题');
    const annual = within(dialog).getByTestId('import-file-年度完成情况表.xlsx').textContent;
    expect(annual).toBe('年度完成情况表.xlsx年度报送表2021年312可导入');
    expect(within(dialog).getByTestId('import-file-说明.docx').textContent).toBe('说明.docx未识别————未导入');

    const change = within(dialog).getByTestId('import-change-1-2021').textContent;
    expect(change).toBe('1在册市场主体总量2021年3.1→2.7（空）→按新口径统计年度完成情况表.xlsx · 指标完成情况 · G5');
    // A change that leaves 情况说明 alone says so.
    expect(within(dialog).getByTestId('import-change-3-2021').textContent).toContain('（空）→稳步提升不变');

    const conflicts = within(dialog).getByTestId('import-conflicts').textContent;
    expect(conflicts).toContain('公司制企业占企业总数比重');
    expect(conflicts).toContain('96.5 · 年度完成情况表.xlsx · 指标完成情况 · G6');
    expect(conflicts).toContain('97 · 登记科.xlsx · 填报表 · E4');
    const problems = [...within(dialog).getByTestId('import-problems').querySelectorAll('tbody tr')].map(
      (r) => r.textContent,
    );
    expect(problems).toEqual([
      '错误说明.docx——这不是 Excel 工作簿（.xlsx），未导入。',
      '提示年度完成情况表.xlsx指标完成情况G7“稳步提升”不是数字，已按原文导入，无法计算完成进度。',
    ]);
    expect(buttonOf('import-apply').textContent).toBe('确认导入 2 处修改');
  });

  it('applies with the same files and the preview’s token, then reloads the plan', async () => {
    const c = core();
    await toPreview(c);
    expect(screen.getByTestId('monitoring-status-1').textContent).not.toBe('滞后');
    fireEvent.click(buttonOf('import-apply'));
    await waitFor(() => expect(c.argsOf('import/apply')).toHaveLength(1));
    const [previewed] = c.argsOf('import/preview') as { files: unknown[] }[];
    expect(c.argsOf('import/apply')[0]).toEqual({ planId: 1, files: previewed.files, token: TOKEN });
    expect(await screen.findByText('已导入 2 处修改')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('monitoring-status-1').textContent).toBe('滞后'));
    expect(c.argsOf('plan/get')).toHaveLength(2);
  });

  it('writes nothing when the clerk cancels after the preview', async () => {
    const c = core();
    await toPreview(c);
    fireEvent.click(buttonOf('import-cancel'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(c.argsOf('import/apply')).toEqual([]);
    expect(c.argsOf('plan/get')).toHaveLength(1);
    // Opening again starts afresh.
    fireEvent.click(screen.getByTestId('import-open'));
    await waitFor(() => expect(buttonOf('import-run-preview').disabled).toBe(true));
  });

  it('cannot be closed while the import is being written, and reloads when it is done', async () => {
    let answer: (r: ReturnType<typeof ok>) => void = () => {};
    const c = core({ apply: () => new Promise((resolve) => (answer = resolve)) });
    await toPreview(c);
    fireEvent.click(buttonOf('import-apply'));
    await waitFor(() => expect(c.argsOf('import/apply')).toHaveLength(1));
    expect(buttonOf('import-cancel').disabled).toBe(true);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await act(async () => answer(ok({ applied: 2, logged: 2 })));
    expect(await screen.findByText('已导入 2 处修改')).toBeTruthy();
    await waitFor(() => expect(c.argsOf('plan/get')).toHaveLength(2));
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const c = core();
    const dialog = await openImport(c);
    const big = new File(['x'], '全年汇总.xlsx');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    fireEvent.change(fileInput(dialog), { target: { files: [big] } });
    expect((await within(dialog).findByTestId('import-refused')).textContent).toContain(
      '全年汇总.xlsx：文件超过 20 MB，不像是一份填报表，未选入。',
    );
    expect(within(dialog).queryByTestId('import-chosen')).toBeNull();
    expect(buttonOf('import-run-preview').disabled).toBe(true);

    await pick(dialog, [xlsx()]);
    fireEvent.click(buttonOf('import-run-preview'));
    await within(dialog).findByTestId('import-preview');
    const [args] = c.argsOf('import/preview') as { files: { name: string }[] }[];
    expect(args.files.map((f) => f.name)).toEqual(['年度完成情况表.xlsx']);
  });

  it('takes files dropped on the drop zone', async () => {
    const c = core();
    const dialog = await openImport(c);
    const zone = dialog.querySelector('.ant-upload-btn')!;
    fireEvent.drop(zone, { dataTransfer: { files: [xlsx(), docx()], items: [] } });
    await waitFor(() => expect(within(dialog).getByTestId('import-chosen').textContent).toContain('已选择 2 个文件'));
  });

  it('asks for a new preview when the token is stale, then applies with the new token', async () => {
    let previews = 0;
    const c = core({
      preview: () => ok(preview(++previews === 1 ? TOKEN : NEW_TOKEN)),
      apply: (args: { token: string }) =>
        args.token === TOKEN
          ? fail('CONFLICT', '预览之后数据或文件有了变化，为避免导入与预览不一致，未写入。请重新预览后再确认。')
          : ok({ applied: 2, logged: 2 }),
    });
    const dialog = await toPreview(c);
    fireEvent.click(buttonOf('import-apply'));
    expect((await within(dialog).findByTestId('import-error')).textContent).toContain('请重新预览，核对后再确认导入');
    expect(buttonOf('import-apply').disabled).toBe(true);
    expect(c.argsOf('plan/get')).toHaveLength(1);

    fireEvent.click(within(dialog).getByTestId('import-repreview'));
    await waitFor(() => expect(c.argsOf('import/preview')).toHaveLength(2));
    await waitFor(() => expect(buttonOf('import-apply').disabled).toBe(false));
    fireEvent.click(buttonOf('import-apply'));
    await waitFor(() => expect(c.argsOf('import/apply')).toHaveLength(2));
    expect((c.argsOf('import/apply')[1] as { token: string }).token).toBe(NEW_TOKEN);
    expect(await screen.findByText('已导入 2 处修改')).toBeTruthy();
  });

  it('shows why an import failed and lets the clerk try again', async () => {
    const c = core({ apply: () => fail('DB_ERROR', '数据库文件被其他程序占用，请稍后重试。') });
    const dialog = await toPreview(c);
    fireEvent.click(buttonOf('import-apply'));
    expect((await within(dialog).findByTestId('import-error')).textContent).toBe(
      '导入失败：数据库文件被其他程序占用，请稍后重试。',
    );
    expect(buttonOf('import-apply').disabled).toBe(false);
    expect(within(dialog).getByTestId('import-preview')).toBeTruthy();
  });

  it('offers nothing to confirm when the files change nothing', async () => {
    const c = core({ preview: () => ok({ ...preview(), changes: [], conflicts: [], problems: [] }) });
    const dialog = await toPreview(c);
    expect(within(dialog).getByTestId('import-no-changes').textContent).toContain('没有需要导入的修改');
    expect(buttonOf('import-apply').disabled).toBe(true);
    expect(buttonOf('import-apply').textContent).toBe('确认导入 0 处修改');
  });

  it('shows progress while the files are analysed', async () => {
    let answer: (r: ReturnType<typeof ok>) => void = () => {};
    const c = core({ preview: () => new Promise((resolve) => (answer = resolve)) });
    const dialog = await openImport(c);
    await pick(dialog, [xlsx(), docx()]);
    fireEvent.click(buttonOf('import-run-preview'));
    const progress = await within(dialog).findByTestId('import-progress');
    await waitFor(() => expect(progress.textContent).toContain('正在分析 2 个文件…'));
    expect(progress.querySelector('.ant-progress')).toBeTruthy();
    await act(async () => answer(ok(preview())));
    await within(dialog).findByTestId('import-preview');
  });

  it('says so when the core refuses to preview', async () => {
    const c = core({ preview: () => fail('VALIDATION', '文件“说明.docx”无法读取。') });
    const dialog = await openImport(c);
    await pick(dialog, [docx()]);
    fireEvent.click(buttonOf('import-run-preview'));
    expect((await within(dialog).findByTestId('import-error')).textContent).toBe('预览失败：文件“说明.docx”无法读取。');
    // Back at the choice, the files still there.
    expect(within(dialog).getByTestId('import-chosen').textContent).toContain('说明.docx');
  });
});
