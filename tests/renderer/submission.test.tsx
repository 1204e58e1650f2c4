// 报送 in 年度监测 against a fake core: year/submit only after a confirmation that explains the lock, the banner of a
// submitted year (who, when, files with SHA-256), the kept files delivered like every export, 解锁 only with a
// written reason, adjustments disabled while locked, and the core's refusals shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { YearSubmission } from '../../src/shared/model';
import { MonitoringPage } from '../../src/renderer/src/pages/MonitoringPage';
import { fail, fakeCore, type FakeCore, type Handler } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const SHA_XLSX = '3f'.repeat(32);
const SHA_PDF = 'a0'.repeat(32);

const submission = (year = 2021): YearSubmission => ({
  planId: 1,
  year,
  submittedAt: '2026-03-02T01:30:00.000Z',
  submittedBy: '张三',
  files: [
    {
      format: 'xlsx',
      fileName: `磐安县市场监督管理“十四五”规划${year}年度完成情况表.xlsx`,
      sha256: SHA_XLSX,
      size: 18_432,
    },
    {
      format: 'pdf',
      fileName: `磐安县市场监督管理“十四五”规划${year}年度完成情况表.pdf`,
      sha256: SHA_PDF,
      size: 204_800,
    },
  ],
});

/** A core that keeps submissions the way the real one does. */
function core(locked: boolean, handlers: Partial<Record<'submit' | 'unlock' | 'file', Handler>> = {}): FakeCore {
  const detail = buildPlanDetail();
  if (locked) detail.submissions = [submission()];
  return fakeCore(detail, {
    'year/submit':
      handlers.submit ??
      ((args: { year: number }, c) => {
        c.detail.submissions.push(submission(args.year));
        return ok(submission(args.year));
      }),
    'year/unlock':
      handlers.unlock ??
      ((args: { year: number }, c) => {
        c.detail.submissions = c.detail.submissions.filter((s) => s.year !== args.year);
        return ok({ ok: true });
      }),
    'year/submitted-file':
      handlers.file ??
      (() => ok({ fileName: 'x.pdf', mimeType: 'application/pdf', savedTo: 'D:\\报送\\x.pdf', warnings: [] })),
  });
}

async function renderPage(c: FakeCore) {
  renderWithApi(<MonitoringPage planId={1} />, c.transport);
  await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
}

const confirmButton = () =>
  waitFor(() => {
    const b = document.querySelector<HTMLButtonElement>('.ant-modal-confirm .ant-btn-primary');
    if (!b) throw new Error('no confirmation');
    return b;
  });

let createdBlobs: Blob[];
const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;
beforeEach(() => {
  createdBlobs = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => (createdBlobs.push(blob as Blob), 'blob:plandesk/1');
  URL.revokeObjectURL = () => {};
});
afterEach(() => {
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
  vi.restoreAllMocks();
});

describe('报送并锁定', () => {
  it('explains the lock first and submits the selected year only on OK; the banner follows the reload', async () => {
    const c = core(false);
    await renderPage(c);
    expect(screen.queryByTestId('submission-banner')).toBeNull();
    fireEvent.click(screen.getByTestId('submission-submit'));
    const text = (await screen.findByTestId('submission-confirm')).textContent!;
    expect(text).toContain('2021 年的完成值、评价（含人工调整）以及十大行动、主要任务的年度进展都将变为只读');
    expect(text).toContain('Excel 和 PDF，连同各自的 SHA-256 校验值一起保存');
    expect(c.argsOf('year/submit')).toEqual([]);

    await act(async () => fireEvent.click(await confirmButton()));
    await waitFor(() => expect(c.argsOf('year/submit')).toEqual([{ planId: 1, year: 2021 }]));
    const banner = await screen.findByTestId('submission-banner');
    expect(banner.textContent).toMatch(/2021 年已于 2026\/03\/02 \d\d:30:00 由 张三 报送，已锁定/);
    expect(await screen.findByText('2021 年已报送并锁定')).toBeTruthy();
    expect(screen.queryByTestId('submission-submit')).toBeNull();
    // Adjusting a status is off for the year, with the reason on the button.
    expect((screen.getByTestId('monitoring-adjust-1') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends nothing when the clerk cancels, and shows the core’s refusal', async () => {
    const c = core(false, { submit: () => fail('CONFLICT', '2021 年已报送。如需修改，请先解锁并写明理由。') });
    await renderPage(c);
    fireEvent.click(screen.getByTestId('submission-submit'));
    await confirmButton();
    fireEvent.click(document.querySelector<HTMLButtonElement>('.ant-modal-confirm .ant-btn-default')!);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(c.argsOf('year/submit')).toEqual([]);

    fireEvent.click(screen.getByTestId('submission-submit'));
    await act(async () => fireEvent.click(await confirmButton()));
    expect(await screen.findByText('报送失败：2021 年已报送。如需修改，请先解锁并写明理由。')).toBeTruthy();
    expect(screen.queryByTestId('submission-banner')).toBeNull();
  });
});

describe('a submitted year', () => {
  it('shows each kept file with its SHA-256 in monospace, copyable', async () => {
    await renderPage(core(true));
    const banner = screen.getByTestId('submission-banner');
    expect(banner.textContent).toContain('磐安县市场监督管理“十四五”规划2021年度完成情况表.xlsx');
    expect(banner.textContent).toContain('18.0 KB');
    const sha = screen.getByTestId('submission-sha-pdf');
    expect(sha.textContent).toContain(SHA_PDF);
    expect(sha.querySelector('code')).toBeTruthy();
    expect(sha.querySelector('.ant-typography-copy')).toBeTruthy();
    // Another year is not locked.
    fireEvent.click(within(screen.getByTestId('monitoring-year')).getByText('2022年'));
    await waitFor(() => expect(screen.queryByTestId('submission-banner')).toBeNull());
    expect(screen.getByTestId('submission-submit')).toBeTruthy();
  });

  it('delivers a kept file through the save dialog (Electron) or as a download (browser)', async () => {
    const c = core(true);
    await renderPage(c);
    fireEvent.click(screen.getByTestId('submission-download-pdf'));
    await waitFor(() => expect(c.argsOf('year/submitted-file')).toEqual([{ planId: 1, year: 2021, format: 'pdf' }]));
    expect(await screen.findByText('已保存到 D:\\报送\\x.pdf')).toBeTruthy();

    const bytes = btoa('PK\u0003\u0004');
    const browser = core(true, {
      file: () =>
        ok({ fileName: '完成情况表.xlsx', mimeType: 'application/vnd.ms-excel', bytesBase64: bytes, warnings: [] }),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await act(async () => renderWithApi(<MonitoringPage planId={1} />, browser.transport));
    const downloads = await screen.findAllByTestId('submission-download-xlsx');
    fireEvent.click(downloads.at(-1)!);
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(browser.argsOf('year/submitted-file')).toEqual([{ planId: 1, year: 2021, format: 'xlsx' }]);
    expect(createdBlobs).toHaveLength(1);
    expect(await screen.findByText('已下载 完成情况表.xlsx')).toBeTruthy();
  });

  it('unlocks only with a written reason', async () => {
    const c = core(true);
    await renderPage(c);
    fireEvent.click(screen.getByTestId('submission-unlock'));
    const dialog = await screen.findByTestId('unlock-dialog');
    expect(dialog.textContent).toContain('报送时保存的文件将随解锁移除');
    fireEvent.click(screen.getByTestId('unlock-ok'));
    expect(await within(dialog).findByText('请写明解锁的理由')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('unlock-reason'), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('unlock-ok'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(c.argsOf('year/unlock')).toEqual([]);

    fireEvent.change(within(dialog).getByTestId('unlock-reason'), { target: { value: ' 县发改局退回，更正第3项 ' } });
    fireEvent.click(screen.getByTestId('unlock-ok'));
    await waitFor(() =>
      expect(c.argsOf('year/unlock')).toEqual([{ planId: 1, year: 2021, reason: '县发改局退回，更正第3项' }]),
    );
    await waitFor(() => expect(screen.queryByTestId('submission-banner')).toBeNull());
    expect(await screen.findByText('2021 年已解锁')).toBeTruthy();
    expect((screen.getByTestId('monitoring-adjust-1') as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps the unlock dialog open with the core’s message when unlocking fails', async () => {
    const c = core(true, { unlock: () => fail('CONFLICT', '2021 年尚未报送，无需解锁。') });
    await renderPage(c);
    fireEvent.click(screen.getByTestId('submission-unlock'));
    const dialog = await screen.findByTestId('unlock-dialog');
    fireEvent.change(within(dialog).getByTestId('unlock-reason'), { target: { value: '更正' } });
    fireEvent.click(screen.getByTestId('unlock-ok'));
    expect((await within(dialog).findByTestId('unlock-error')).textContent).toBe(
      '解锁失败：2021 年尚未报送，无需解锁。',
    );
    expect(screen.getByTestId('submission-banner')).toBeTruthy();
  });
});
