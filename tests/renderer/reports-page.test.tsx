// ReportsPage against an in-test core: appendix switching, hints, export delivery per shell, errors, printing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IpcResult } from '../../src/shared/errors';
import type { ExportResult } from '../../src/shared/api';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { ReportsPage } from '../../src/renderer/src/pages/ReportsPage';
import { ok } from './plan-fixture';
import { buildAppendix1, buildAppendix2, exportResult, XLSX_MIME } from './report-fixture';
import { renderWithApi } from './render-with-api';

type Call = { channel: string; args: unknown };

/** Serves the previews; `onExport` answers export/appendix (default: a download). */
function fakeCore(calls: Call[], onExport?: () => Promise<IpcResult<unknown>>): Transport {
  return async (channel, args) => {
    calls.push({ channel, args });
    if (channel === 'report/appendices') {
      const { appendix } = args as { appendix: string };
      return ok(appendix === '2' ? [buildAppendix2()] : [buildAppendix1()]);
    }
    if (channel === 'export/appendix') return onExport ? onExport() : ok(exportResult({ bytesBase64: 'AA==' }));
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

const exportAnswer = (result: Partial<ExportResult>) => () => Promise.resolve(ok(exportResult(result)));
const exportCalls = (calls: Call[]) => calls.filter((c) => c.channel === 'export/appendix').map((c) => c.args);

async function renderPage(transport: Transport) {
  const statuses: StatusInfo[] = [];
  renderWithApi(<ReportsPage planId={1} onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('report-preview');
  return statuses;
}

// A binary payload with bytes a text round-trip would corrupt: "PK\3\4", NUL, 0xff, 0x80.
const BYTES = [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x0a];
const BASE64 = btoa(String.fromCharCode(...BYTES));

let createdBlobs: Blob[];
const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

beforeEach(() => {
  createdBlobs = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    createdBlobs.push(blob as Blob);
    return `blob:plandesk/${createdBlobs.length}`;
  };
  URL.revokeObjectURL = () => {};
});

afterEach(() => {
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
  vi.restoreAllMocks();
});

describe('ReportsPage preview', () => {
  it('previews 附件1 first and asks for 附件2 when the clerk switches', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    expect(calls).toEqual([{ channel: 'report/appendices', args: { plan: 1, appendix: '1' } }]);
    expect(screen.getByTestId('report-label').textContent).toBe('附件1');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已生成附件1预览，共 3 行' }));

    fireEvent.click(screen.getByText('附件2'));
    await waitFor(() => expect(screen.getByTestId('report-label').textContent).toBe('附件2'));
    expect(calls.at(-1)).toEqual({ channel: 'report/appendices', args: { plan: 1, appendix: '2' } });
    expect(screen.getByTestId('report-title').textContent).toBe(
      '磐安县市场监督管理“十四五”期间十大行动（2021-2025年）',
    );
    expect(screen.getByTestId('report-row-0').textContent).toContain('市场主体倍增行动');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已生成附件2预览，共 1 行' }));
  });

  it('shows hints in an Alert above the sheet, outside what is printed', async () => {
    await renderPage(fakeCore([]));
    const hints = screen.getByTestId('report-hints');
    expect(hints.getAttribute('role')).toBe('alert');
    expect(hints.classList.contains('no-print')).toBe(true);
    expect(hints.textContent).toContain('第2项指标2025年目标（96.20）低于2021年目标（≥95）的口径，请核对。');
    const sheet = screen.getByTestId('report-preview');
    expect(sheet.contains(hints)).toBe(false);
    expect(hints.compareDocumentPosition(sheet) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    fireEvent.click(screen.getByText('附件2'));
    await waitFor(() => expect(screen.getByTestId('report-label').textContent).toBe('附件2'));
    expect(screen.queryByTestId('report-hints')).toBeNull();
  });

  it('prints with window.print', async () => {
    const print = vi.fn();
    vi.spyOn(window, 'print').mockImplementation(print);
    await renderPage(fakeCore([]));
    fireEvent.click(screen.getByTestId('print-report'));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('ReportsPage export', () => {
  it('downloads the returned bytes under the core file name (browser shell)', async () => {
    const calls: Call[] = [];
    const clicks: { download: string; href: string; connected: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, connected: this.isConnected });
    });
    const statuses = await renderPage(fakeCore(calls, exportAnswer({ bytesBase64: BASE64 })));

    fireEvent.click(screen.getByTestId('export-xlsx'));
    await screen.findByText('已下载 附件1.xlsx');
    expect(exportCalls(calls)).toEqual([{ plan: 1, appendix: '1', format: 'xlsx' }]);
    expect(clicks).toEqual([{ download: '附件1.xlsx', href: 'blob:plandesk/1', connected: true }]);
    expect(createdBlobs).toHaveLength(1);
    expect(createdBlobs[0]!.type).toBe(XLSX_MIME);
    expect([...new Uint8Array(await createdBlobs[0]!.arrayBuffer())]).toEqual(BYTES);
    // The temporary anchor is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已下载 附件1.xlsx' }));
  });

  it('exports the chosen appendix as PDF and all appendices as Excel', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));
    fireEvent.click(screen.getByText('附件2'));
    await waitFor(() => expect(screen.getByTestId('report-label').textContent).toBe('附件2'));

    fireEvent.click(screen.getByTestId('export-pdf'));
    await waitFor(() => expect(exportCalls(calls)).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('export-all').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('export-all'));
    await waitFor(() => expect(exportCalls(calls)).toHaveLength(2));
    expect(exportCalls(calls)).toEqual([
      { plan: 1, appendix: '2', format: 'pdf' },
      { plan: 1, appendix: 'all', format: 'xlsx' },
    ]);
  });

  it('shows where Electron saved the file', async () => {
    const statuses = await renderPage(fakeCore([], exportAnswer({ savedTo: '/x/y.xlsx' })));
    fireEvent.click(screen.getByTestId('export-xlsx'));
    await screen.findByText('已保存到 /x/y.xlsx');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存到 /x/y.xlsx' }));
  });

  it('says cancelled when the clerk closes the save dialog', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const statuses = await renderPage(fakeCore([], exportAnswer({ savedTo: null, bytesBase64: BASE64 })));
    fireEvent.click(screen.getByTestId('export-pdf'));
    await screen.findByText('已取消导出');
    expect(click).not.toHaveBeenCalled();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已取消导出' }));
  });

  it('shows warnings as a warning notification', async () => {
    const warnings = ['字符“堃”在所有字体中都没有字形，将显示为方框'];
    await renderPage(fakeCore([], exportAnswer({ savedTo: '/x/附件1.pdf', warnings })));
    fireEvent.click(screen.getByTestId('export-pdf'));
    const list = await screen.findByTestId('export-warnings');
    expect(list.textContent).toBe(warnings[0]);
    expect(screen.getByText('导出已完成，但有以下提示')).toBeTruthy();
  });

  it('shows the core Chinese error message in a notification and on the status line', async () => {
    const message = '导出失败：无法写入文件 /x/y.xlsx（文件被其他程序占用）';
    const refusing = () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message } } as const);
    const statuses = await renderPage(fakeCore([], refusing));
    fireEvent.click(screen.getByTestId('export-xlsx'));

    const text = await screen.findByText(message);
    expect(text.closest('.ant-notification-notice')?.textContent).toContain('导出失败');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: `出错：${message}` }));
    // The buttons are usable again.
    expect(screen.getByTestId('export-xlsx').hasAttribute('disabled')).toBe(false);
  });

  it('shows a loading button while exporting and blocks the other exports', async () => {
    let release: (r: IpcResult<unknown>) => void = () => {};
    const pending = () => new Promise<IpcResult<unknown>>((resolve) => (release = resolve));
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls, pending));

    fireEvent.click(screen.getByTestId('export-pdf'));
    await waitFor(() => expect(screen.getByTestId('export-pdf').classList.contains('ant-btn-loading')).toBe(true));
    expect(screen.getByTestId('export-xlsx').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('export-all').hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'loading', text: '正在导出…' }));
    fireEvent.click(screen.getByTestId('export-pdf'));
    expect(exportCalls(calls)).toHaveLength(1);

    release(ok(exportResult({ savedTo: '/x/附件1.pdf' })));
    await screen.findByText('已保存到 /x/附件1.pdf');
    await waitFor(() => expect(screen.getByTestId('export-pdf').classList.contains('ant-btn-loading')).toBe(false));
    expect(within(screen.getByTestId('reports-page')).getByTestId('export-xlsx').hasAttribute('disabled')).toBe(false);
  });
});
