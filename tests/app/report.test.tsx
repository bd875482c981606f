/** @jest-environment jsdom */
// The annual report in the app, against the real handlers and a seeded store: the reader's charts,
// versions and export, and the staff console's report page (the 31 January reminder, the live view,
// checks, the draft, publishing by the admin only, and the records behind Tables 2 and 4).
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import ReportDetail from '@/packages/report/detail/index';
import StaffReport from '@/packages/staff/report/index';
import StaffQueue from '@/packages/staff/index/index';
import { setTransport } from '@/services/api';
import { modalAnswers, modals, navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

const EMPTY_INPUTS = { licensing: 0, penalties: 0, enforcement: 0, feesWan: 0 };

/** A seeded store (only the 2023 report is published) whose clock reads `iso`. */
async function setup(iso: string) {
  const deps = await testDeps();
  let now = new Date(iso);
  deps.clock = { now: () => now };
  let transport = inProcessTransport(deps, null);
  setTransport(transport);
  const as = (persona: PersonaName) => {
    transport = inProcessTransport(deps, PERSONA_OPENIDS[persona]);
    setTransport(transport);
    return transport;
  };
  return { deps, call: caller(deps), as, calls: () => transport.calls, setNow: (next: string) => (now = new Date(next)) };
}

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
const bars = (container: HTMLElement, chart: string) =>
  [...container.querySelectorAll(`#chart-${chart} [data-testid=chart-bar]`)].map((bar) => ({
    key: bar.getAttribute('data-key'),
    value: Number(bar.getAttribute('data-value')),
    label: bar.getAttribute('aria-label'),
    width: (bar.querySelector('.rc-bar-fill') as HTMLElement | null)?.style.width,
  }));
const cell = (container: HTMLElement, id: string) => container.querySelector(`[data-cell="${id}"]`)?.textContent;

/** Captures what the h5 export helper downloads (jsdom has no object URLs and does not navigate). */
function captureDownloads() {
  const files: Array<{ name: string; type: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
  const saved = { create: urls.createObjectURL, revoke: urls.revokeObjectURL };
  urls.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  urls.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) files.push({ name: this.download, type: blob.type, blob });
  });
  return {
    files,
    restore() {
      click.mockRestore();
      urls.createObjectURL = saved.create;
      urls.revokeObjectURL = saved.revoke;
    },
  };
}

/** jsdom's Blob has no arrayBuffer()/text(); its FileReader reads one. */
function blobBytes(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => resetTaroStandIn());
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

describe('reader', () => {
  it('charts the 2023 applications by outcome, applicant type and year, and exports CSV and JSON', async () => {
    const { calls } = await setup('2026-11-29T04:00:00Z');
    setRouterParams({ year: '2023' });
    const { container } = render(<ReportDetail />);
    await waitFor(() => expect(container.querySelector('#charts')).toBeTruthy());

    expect(bars(container, 'outcomes')).toEqual([
      { key: 'granted', value: 5, label: '予以公开：5 件', width: '100%' },
      { key: 'partial', value: 0, label: '部分公开：0 件', width: '0%' },
      { key: 'refused', value: 0, label: '不予公开：0 件', width: '0%' },
      { key: 'unable', value: 0, label: '无法提供：0 件', width: '0%' },
      { key: 'notProcessed', value: 0, label: '不予处理：0 件', width: '0%' },
      { key: 'other', value: 0, label: '其他处理：0 件', width: '0%' },
    ]);
    expect(bars(container, 'applicants').map((bar) => [bar.key, bar.value])).toEqual([
      ['natural', 5],
      ['commercial', 0],
      ['research', 0],
      ['publicInterest', 0],
      ['legalService', 0],
      ['otherOrg', 0],
    ]);
    expect(bars(container, 'applicants')[0]!.label).toBe('自然人：5 件');
    // Each bar shows its number as text, not only as a length.
    expect(text(container, '#chart-outcomes [data-key=granted] .rc-bar-value')).toBe('5');
    expect(bars(container, 'years')).toEqual([{ key: '2023', value: 5, label: '2023 年新收申请：5 件（本年度）', width: '100%' }]);
    expect(text(container, '#chart-years-summary')).toBe('2023 年新收申请 5 件；暂无 2022 年度报告可供比较。');
    // One version only: no versions block.
    expect(container.querySelector('#report-versions')).toBeNull();

    const downloads = captureDownloads();
    const print = jest.fn();
    const savedPrint = window.print;
    window.print = print;
    try {
      fireEvent.click(container.querySelector('#export-csv')!);
      await waitFor(() => expect(text(container, '#export-status')).toBe('已下载 淄博市公共资源交易中心2023年政府信息公开工作年度报告-第1版.csv'));
      fireEvent.click(container.querySelector('#export-json')!);
      await waitFor(() => expect(downloads.files).toHaveLength(2));
      expect(calls().filter((name) => name === 'report.exportReport')).toHaveLength(2);
      const [csv, json] = downloads.files;
      expect(csv).toMatchObject({ name: '淄博市公共资源交易中心2023年政府信息公开工作年度报告-第1版.csv', type: 'text/csv;charset=utf-8' });
      expect(json).toMatchObject({ name: '淄博市公共资源交易中心2023年政府信息公开工作年度报告-第1版.json', type: 'application/json' });
      const csvBytes = await blobBytes(csv!.blob);
      // UTF-8 with its BOM, so Excel reads the Chinese text.
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csvText = csvBytes.toString('utf8');
      expect(csvText).toContain('（一）予以公开,5,0,0,0,0,0,5');
      expect(JSON.parse((await blobBytes(json!.blob)).toString('utf8')).table3.granted).toEqual([5, 0, 0, 0, 0, 0, 5]);
      fireEvent.click(container.querySelector('#export-print')!);
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      downloads.restore();
      window.print = savedPrint;
    }
  });

  it('shows the version and its correction note, and opens the earlier version', async () => {
    const { call, calls } = await setup('2026-11-29T04:00:00Z');
    expectOk(await call('clerk', 'report', 'saveRegulatoryDocument', { kind: 'normative', title: '淄博市公共资源交易中心交易服务规范（试行）', issuedOn: '2023-03-01' }));
    expectOk(await call('admin', 'report', 'publish', { year: 2023, note: '补录2023年制发的行政规范性文件1件' }));

    setRouterParams({ year: '2023' });
    const { container } = render(<ReportDetail />);
    await waitFor(() => expect(text(container, '#report-version')).toBe('第 2 版'));
    expect(text(container, '#report-note')).toBe('更正说明：补录2023年制发的行政规范性文件1件');
    expect(cell(container, 'table2:normativeDocuments:issued')).toBe('1');
    expect(container.querySelector('#version-2')!.getAttribute('aria-current')).toBe('true');

    fireEvent.click(container.querySelector('#version-1')!);
    await waitFor(() => expect(text(container, '#report-version')).toBe('第 1 版'));
    expect(text(container, '#report-note')).toContain('第 2 版的更正说明：补录2023年制发的行政规范性文件1件');
    expect(cell(container, 'table2:normativeDocuments:issued')).toBe('0');
    expect(container.querySelector('#version-1')!.getAttribute('aria-current')).toBe('true');
    expect(calls().filter((name) => name === 'report.getReport')).toHaveLength(2);
  });

  it('says a chart has no data instead of drawing empty bars, and compares with the year before', async () => {
    const { call } = await setup('2025-01-10T01:00:00Z');
    expectOk(await call('clerk', 'report', 'saveDraft', { year: 2024, draft: { overview: '2024年总体情况。', problems: '', other: '', table2Inputs: EMPTY_INPUTS } }));
    expectOk(await call('admin', 'report', 'publish', { year: 2024 }));
    setRouterParams({ year: '2024' });
    const { container } = render(<ReportDetail />);
    await waitFor(() => expect(container.querySelector('#charts')).toBeTruthy());
    expect(container.querySelector('#chart-outcomes')!.getAttribute('data-empty')).toBe('true');
    expect(text(container, '#chart-outcomes')).toContain('本年度无此类数据');
    expect(bars(container, 'outcomes')).toEqual([]);
    expect(text(container, '#chart-applicants')).toContain('本年度无此类数据');
    expect(bars(container, 'years').map((bar) => [bar.key, bar.value, bar.width])).toEqual([
      ['2023', 5, '100%'],
      ['2024', 0, '0%'],
    ]);
    expect(text(container, '#chart-years-summary')).toBe('2024 年新收申请 0 件，比上年减少 5 件。');
  });
});

describe('staff report page', () => {
  it('opens on last year before 31 January with a reminder, checks, saves a draft, and the admin publishes', async () => {
    const { as, calls } = await setup('2025-01-10T01:00:00Z');
    as('clerk');
    let view = render(<StaffReport />);
    let { container } = view;
    await waitFor(() => expect(container.querySelector('#report-reminder')).toBeTruthy());
    expect(text(container, '#report-reminder')).toContain('2024 年度报告须于 2025-01-31 前发布，还有 21 天');
    expect(text(container, '#report-year-value')).toBe('2024 年度');
    expect([...container.querySelectorAll('#report-year option')].map((o) => o.textContent)).toEqual(['2025 年度（本年，截至今日）', '2024 年度', '2023 年度', '2022 年度', '2021 年度', '2020 年度']);
    expect(container.querySelector('#report-live')).toBeNull();
    expect(text(container, '#checks-ok')).toContain('校验通过');
    expect(container.querySelector('#violations')).toBeNull();
    expect(cell(container, 'table3:newReceived:total')).toBe('0');
    expect(container.querySelectorAll('[data-table]')).toHaveLength(3);
    expect(text(container, '#report-status')).toContain('尚未发布');

    // A clerk edits the draft but cannot publish, and is told why.
    const publish = container.querySelector('#report-publish')!;
    expect(publish.getAttribute('aria-disabled')).toBe('true');
    expect(text(container, '#publish-disabled-reason')).toContain('仅管理员可以发布年度报告（您当前的身份：受理员）');
    fireEvent.click(publish);
    expect(modals).toHaveLength(0);

    fireEvent.change(container.querySelector('#input-licensing')!, { target: { value: '1.5' } });
    fireEvent.change(container.querySelector('#input-penalties')!, { target: { value: '' } });
    fireEvent.click(container.querySelector('#draft-save')!);
    await waitFor(() => expect(text(container, '#error-licensing')).toBe('请填写非负整数'));
    expect(calls()).not.toContain('report.saveDraft');
    fireEvent.change(container.querySelector('#input-licensing')!, { target: { value: '3' } });
    fireEvent.click(container.querySelector('#draft-save')!);
    // The contract's own message names the empty field.
    await waitFor(() => expect(text(container, '#error-penalties')).toBe('请填写行政处罚决定数量'));
    expect(container.querySelector('#error-licensing')).toBeNull();

    fireEvent.change(container.querySelector('#input-penalties')!, { target: { value: '0' } });
    fireEvent.change(container.querySelector('#draft-overview')!, { target: { value: '2024年，本中心认真贯彻落实条例。\n（一）主动公开方面\n主动公开信息若干条。' } });
    fireEvent.click(container.querySelector('#draft-save')!);
    await waitFor(() => expect(container.querySelector('#draft-saved')).toBeTruthy());
    expect(calls()).toContain('report.saveDraft');
    expect(cell(container, 'table2:licensing:decisions')).toBe('3');
    cleanup();

    // The admin publishes.
    const admin = as('admin');
    view = render(<StaffReport />);
    container = view.container;
    await waitFor(() => expect(container.querySelector('#report-publish')).toBeTruthy());
    expect((container.querySelector('#draft-overview') as HTMLTextAreaElement).value).toContain('（一）主动公开方面');
    expect(container.querySelector('#publish-disabled-reason')).toBeNull();
    expect(container.querySelector('#publish-note')).toBeNull();
    fireEvent.click(container.querySelector('#report-publish')!);
    await waitFor(() => expect(text(container, '#publish-done')).toContain('已发布第 1 版（2025-01-10）'));
    expect(modals[0]).toMatchObject({ title: '发布 2024 年度报告？' });
    expect(admin.calls).toContain('report.publish');
    await waitFor(() => expect(container.querySelector('#report-reminder')).toBeNull());
    expect(text(container, '#report-status')).toContain('已发布第 1 版');
    fireEvent.click(container.querySelector('#publish-view')!);
    expect(navigations).toEqual(['/packages/report/detail/index?year=2024']);

    // A correction needs its note.
    expect(container.querySelector('#publish-note')).toBeTruthy();
    fireEvent.click(container.querySelector('#report-publish')!);
    expect(text(container, '#error-note')).toBe('请填写更正说明');
    modalAnswers.push(false);
    fireEvent.change(container.querySelector('#publish-note')!, { target: { value: '更正表二行政许可数量' } });
    fireEvent.click(container.querySelector('#report-publish')!);
    await waitFor(() => expect(modals).toHaveLength(2));
    expect(admin.calls.filter((name) => name === 'report.publish')).toHaveLength(1);
  });

  it('shows this year live after January, and the admin sees the server refuse to publish an unfinished year', async () => {
    const { as } = await setup('2025-03-10T02:00:00Z');
    as('admin');
    const { container } = render(<StaffReport />);
    await waitFor(() => expect(container.querySelector('#report-live')).toBeTruthy());
    expect(text(container, '#report-year-value')).toBe('2025 年度');
    expect(text(container, '#report-live')).toContain('本年截至今日（2025-03-10）');
    // 2024 was never published: overdue.
    expect(text(container, '#report-reminder')).toContain('2024 年度报告须于 2025-01-31 前发布，已逾期 38 天');
    fireEvent.change(container.querySelector('#draft-overview')!, { target: { value: '总体情况。' } });
    fireEvent.click(container.querySelector('#draft-save')!);
    await waitFor(() => expect(container.querySelector('#draft-saved')).toBeTruthy());
    fireEvent.click(container.querySelector('#report-publish')!);
    await waitFor(() => expect(text(container, '#publish-error')).toBe('2025 年尚未结束，年度报告须在年度结束后发布'));

    // The reminder takes the staff to last year.
    fireEvent.click(container.querySelector('#report-reminder-open')!);
    await waitFor(() => expect(text(container, '#report-year-value')).toBe('2024 年度'));
    expect(container.querySelector('#report-live')).toBeNull();
  });

  it('names the failing cell and rule, and refuses to publish', async () => {
    const { as, deps } = await setup('2024-01-10T01:00:00Z');
    // A corrupt imported record: an applicant type Table 3 has no column for.
    await deps.store.update('infoRequests', 'hist-2023-001', { applicantType: 'government' });
    as('admin');
    const { container } = render(<StaffReport />);
    // 2023 is already published, so the page opens on 2024 (live, 10 days in), which passes.
    await waitFor(() => expect(container.querySelector('#checks-ok')).toBeTruthy());
    expect(text(container, '#report-year-value')).toBe('2024 年度');
    fireEvent.change(container.querySelector('#report-year [data-picker-control]')!, { target: { value: '1' } });
    await waitFor(() => expect(container.querySelector('#violations')).toBeTruthy());
    expect(text(container, '#report-year-value')).toBe('2023 年度');
    const violations = [...container.querySelectorAll('[data-testid=violation]')];
    expect(violations.map((v) => `${v.getAttribute('data-rule')}:${v.getAttribute('data-cell')}`)).toContain('row_total:newReceived/total');
    expect(violations.map((v) => v.textContent).join('\n')).toContain('表三 · 单元格 newReceived/total · 规则：行合计');
    expect(container.querySelector('#checks-ok')).toBeNull();
    fireEvent.change(container.querySelector('#publish-note')!, { target: { value: '更正' } });
    fireEvent.click(container.querySelector('#report-publish')!);
    await waitFor(() => expect(text(container, '#publish-error')).toMatch(/^报表未通过勾稽关系校验：/));
  });

  it('records an appeal and a normative document, and the tables are compiled again', async () => {
    const { as, calls } = await setup('2025-01-10T01:00:00Z');
    as('clerk');
    const { container } = render(<StaffReport />);
    await waitFor(() => expect(container.querySelector('#appeals-empty')).toBeTruthy());
    await waitFor(() => expect(container.querySelector('#documents-empty')).toBeTruthy());

    // Missing choices are named before anything is sent.
    fireEvent.click(container.querySelector('#appeal-save')!);
    expect(text(container, '#error-appeal-kind')).toBe('请选择行政复议或行政诉讼类型');
    fireEvent.change(container.querySelector('#appeal-kind [data-picker-control]')!, { target: { value: '0' } });
    fireEvent.change(container.querySelector('#appeal-filedOn [data-picker-control]')!, { target: { value: '2024-05-06' } });
    fireEvent.change(container.querySelector('#appeal-result [data-picker-control]')!, { target: { value: '1' } });
    // A result without its date: the server's message, inline.
    fireEvent.click(container.querySelector('#appeal-save')!);
    await waitFor(() => expect(text(container, '#error-appeal-decidedOn')).toBe('请填写结案日期'));
    fireEvent.change(container.querySelector('#appeal-decidedOn [data-picker-control]')!, { target: { value: '2024-07-01' } });
    fireEvent.click(container.querySelector('#appeal-save')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=appeal-item]')).toHaveLength(1));
    await waitFor(() => expect(cell(container, 'table4:review:0')).toBe('1'));
    expect(cell(container, 'table4:review:4')).toBe('1');
    expect(text(container, '[data-testid=appeal-item]')).toContain('受理 2024-05-06 · 结果维持（2024-07-01 审结）');

    fireEvent.click(container.querySelector('#doc-kind-normative')!);
    fireEvent.change(container.querySelector('#doc-title')!, { target: { value: '淄博市公共资源交易中心交易服务规范' } });
    fireEvent.change(container.querySelector('#doc-no')!, { target: { value: '淄公管字〔2024〕1号' } });
    fireEvent.change(container.querySelector('#doc-issuedOn [data-picker-control]')!, { target: { value: '2024-03-01' } });
    fireEvent.change(container.querySelector('#doc-repealedOn [data-picker-control]')!, { target: { value: '2024-02-01' } });
    fireEvent.click(container.querySelector('#doc-save')!);
    await waitFor(() => expect(text(container, '#error-doc-repealedOn')).toBe('废止日期不能早于制发日期'));
    fireEvent.click(container.querySelector('#doc-repealedOn-clear')!);
    fireEvent.click(container.querySelector('#doc-save')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=doc-item]')).toHaveLength(1));
    await waitFor(() => expect(cell(container, 'table2:normativeDocuments:issued')).toBe('1'));
    expect(cell(container, 'table2:normativeDocuments:inForce')).toBe('1');
    expect(calls().filter((name) => name === 'report.compile').length).toBeGreaterThanOrEqual(3);
  });

  it('is for staff only, and the queue links to it', async () => {
    const { as } = await setup('2025-01-10T01:00:00Z');
    as('owner');
    const citizen = render(<StaffReport />);
    await waitFor(() => expect(citizen.container.querySelector('#staff-only')).toBeTruthy());
    cleanup();

    as('clerk');
    const { container } = render(<StaffQueue />);
    await waitFor(() => expect(container.querySelector('#staff-report')).toBeTruthy());
    expect(text(container, '#staff-report')).toBe('年度报告编制');
    fireEvent.click(container.querySelector('#staff-report')!);
    expect(navigations).toEqual(['/packages/staff/report/index']);
  });
});
