// 生成科室填报表 against a fake core: 科室 listed with their indicator counts (one without indicators cannot be chosen),
// one export/collection call per chosen 科室 for the year shown, in order, each delivered (save dialog or download),
// progress and each outcome listed, a failure for one 科室 not stopping the others.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExportResult } from '../../src/shared/api';
import type { PlanDetail } from '../../src/shared/model';
import { MonitoringPage } from '../../src/renderer/src/pages/MonitoringPage';
import { fail, fakeCore, type FakeCore, type Handler } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

function plan(): PlanDetail {
  const d = buildPlanDetail();
  d.departments = [
    { id: 1, name: '登记注册科' },
    { id: 2, name: '质量发展科' },
    { id: 3, name: '办公室' },
  ];
  d.indicators = d.indicators.map((ind) => ({ ...ind, departmentId: ind.id === 3 ? 2 : 1 }));
  return d;
}

const saved = (args: { departmentId: number }): ExportResult => ({
  fileName: `填报表-${args.departmentId}.xlsx`,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  savedTo: `D:\\填报表\\${args.departmentId}.xlsx`,
  warnings: [],
});

async function openDialog(handler: Handler, detail = plan()): Promise<FakeCore> {
  const c = fakeCore(detail, { 'export/collection': handler });
  renderWithApi(<MonitoringPage planId={1} />, c.transport);
  await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
  fireEvent.click(screen.getByTestId('collection-open'));
  await screen.findByTestId('collection-dialog');
  return c;
}

// antd puts the test id on the checkbox's input; its label holds the name and the count.
const checkbox = (id: number) => screen.getByTestId(`collection-dept-${id}`) as HTMLInputElement;
const label = (id: number) => checkbox(id).closest('label')!.textContent;
const runButton = () => screen.getByTestId('collection-run') as HTMLButtonElement;

const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;
beforeEach(() => {
  URL.createObjectURL = () => 'blob:plandesk/1';
  URL.revokeObjectURL = () => {};
});
afterEach(() => {
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
  vi.restoreAllMocks();
});

describe('生成科室填报表', () => {
  it('lists each 科室 with its indicator count; one without indicators cannot be chosen', async () => {
    await openDialog((args: { departmentId: number }) => ok(saved(args)));
    const dialog = screen.getByTestId('collection-dialog');
    expect(screen.getByText('生成 2021 年科室填报表')).toBeTruthy();
    expect(label(1)).toBe('登记注册科2 项指标');
    expect(label(2)).toBe('质量发展科1 项指标');
    expect(label(3)).toBe('办公室无指标');
    expect(checkbox(3).disabled).toBe(true);
    expect(runButton().disabled).toBe(true);
    fireEvent.click(within(dialog).getByText('全选有指标的科室'));
    await waitFor(() => expect(runButton().textContent).toBe('生成 2 份填报表'));
    expect(checkbox(3).checked).toBe(false);
  });

  it('generates one workbook per chosen 科室 for the year, in order, and lists where each went', async () => {
    const c = await openDialog((args: { departmentId: number }) =>
      args.departmentId === 2 ? fail('FILE_ERROR', '文件被 WPS 占用，请关闭后重试。') : ok(saved(args)),
    );
    fireEvent.click(checkbox(2));
    fireEvent.click(checkbox(1));
    await waitFor(() => expect(runButton().disabled).toBe(false));
    fireEvent.click(runButton());
    await waitFor(() => expect(screen.getByTestId('collection-progress').textContent).toContain('已生成 1/2 份填报表'));
    // Departments in the plan's order, the year shown on the page.
    expect(c.argsOf('export/collection')).toEqual([
      { plan: 1, year: 2021, departmentId: 1 },
      { plan: 1, year: 2021, departmentId: 2 },
    ]);
    expect(screen.getByTestId('collection-result-1').textContent).toBe('登记注册科已保存到 D:\\填报表\\1.xlsx');
    expect(screen.getByTestId('collection-result-2').textContent).toBe(
      '质量发展科失败：文件被 WPS 占用，请关闭后重试。',
    );
  });

  it('downloads the workbooks in the browser version and asks for the year chosen on the page', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const c = fakeCore(plan(), {
      'export/collection': () =>
        ok({
          fileName: '登记注册科填报表.xlsx',
          mimeType: 'application/octet-stream',
          bytesBase64: 'UEsDBA==',
          warnings: [],
        }),
    });
    renderWithApi(<MonitoringPage planId={1} />, c.transport);
    await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
    fireEvent.click(within(screen.getByTestId('monitoring-year')).getByText('2023年'));
    fireEvent.click(screen.getByTestId('collection-open'));
    await screen.findByTestId('collection-dialog');
    fireEvent.click(checkbox(1));
    fireEvent.click(runButton());
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(c.argsOf('export/collection')).toEqual([{ plan: 1, year: 2023, departmentId: 1 }]);
    expect((await screen.findByTestId('collection-result-1')).textContent).toBe(
      '登记注册科已下载 登记注册科填报表.xlsx',
    );
  });

  it('shows which 科室 is being generated', async () => {
    let answer: (r: ReturnType<typeof ok>) => void = () => {};
    await openDialog(() => new Promise((resolve) => (answer = resolve)));
    fireEvent.click(checkbox(2));
    fireEvent.click(runButton());
    const progress = await screen.findByTestId('collection-progress');
    expect(progress.textContent).toContain('正在生成第 1/1 份：质量发展科');
    expect(runButton().className).toContain('ant-btn-loading');
    await act(async () => answer(ok(saved({ departmentId: 2 }))));
    await waitFor(() => expect(progress.textContent).toContain('已生成 1/1 份填报表'));
  });

  it('says what to do when no 科室 has indicators', async () => {
    const d = plan();
    d.indicators = d.indicators.map((ind) => ({ ...ind, departmentId: null }));
    await openDialog(() => ok(saved({ departmentId: 1 })), d);
    expect(screen.getByTestId('collection-dialog').textContent).toContain('还没有指标指定了责任科室');
    expect(runButton().disabled).toBe(true);
  });
});
