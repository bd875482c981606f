/** @jest-environment jsdom */
// 补正 with attachments, end to end in process: the citizen picks files in the browser's file dialog
// (simulated on the hidden <input type=file> the page creates), the files go to the real local gateway
// (`fetch` is bridged to it over HTTP, since jsdom has none), the answer goes to the real handlers,
// staff open the attachment, and the citizen downloads the reply letter.
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ApplyCase from '@/packages/apply/case/index';
import StaffCase from '@/packages/staff/case/index';
import { setTransport } from '@/services/api';
import { resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS } from '../support/call';
import { createGateway } from '../../cloudfunctions/_local/gateway';

type Deps = Awaited<ReturnType<typeof testDeps>>;
let deps: Deps;
let server: Server;
let base: string;
const savedFetch = window.fetch;

function readBlob(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The part of fetch the app uses, over a real HTTP request to the gateway. */
async function gatewayFetch(url: string, init: { method?: string; body?: Blob; headers?: Record<string, string> } = {}) {
  const body = init.body ? await readBlob(init.body) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, base), { method: init.method ?? 'GET', headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, headers: res.headers, json: async () => JSON.parse(text) as unknown, text: async () => text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  server = createGateway({ deps, files: deps.files });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  window.fetch = gatewayFetch as unknown as typeof fetch;
});

afterEach(async () => {
  window.fetch = savedFetch;
  setTransport(undefined);
  await new Promise((resolve) => server.close(resolve));
});

function el<T extends Element = HTMLElement>(container: ParentNode, selector: string): T {
  const found = container.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Answers the browser's file dialog the page opened with these files. */
async function chooseFiles(files: File[]) {
  const input = await waitFor(() => el<HTMLInputElement>(document.body, 'input[type=file]'));
  expect(input.accept).toContain('.pdf');
  Object.defineProperty(input, 'files', { value: files });
  await act(async () => {
    fireEvent.change(input);
  });
}

const application = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  mobile: '13812345678',
  description: '2023年度政府采购项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

async function caseAwaitingCorrection() {
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
  const call = caller(deps);
  const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'attach-ui-000000000001', application }));
  expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'requestCorrection', items: ['请提供项目名称的证明材料'] } }));
  return { call, id: receipt.id as string };
}

describe('补正 with attachments', () => {
  it('uploads chosen files, lets one be removed, sends the rest with the answer, and staff open it', async () => {
    const { id } = await caseAwaitingCorrection();
    setTransport(inProcessTransport(deps, PERSONA_OPENIDS.owner));
    setRouterParams({ id });
    const { container, unmount } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#correction-attach')).toBeTruthy());

    // A type the agency does not accept is refused before anything is uploaded.
    fireEvent.click(el(container, '#correction-attach'));
    await chooseFiles([new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    await waitFor(() => expect(el(container, '#error-correction-attach').textContent).toContain('仅可上传 PDF'));
    expect(container.querySelectorAll('[data-testid=correction-attachment]')).toHaveLength(0);

    fireEvent.click(el(container, '#correction-attach'));
    await chooseFiles([new File(['%PDF-1.4 证明'], '项目证明.pdf', { type: 'application/pdf' }), new File(['note'], '说明.txt', { type: '' })]);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=correction-attachment]')).toHaveLength(2));
    expect(container.querySelector('#error-correction-attach')).toBeNull();
    expect([...container.querySelectorAll('[data-testid=correction-attachment]')].map((e) => e.textContent)).toEqual(['项目证明.pdf（1 KB）移除', '说明.txt（1 KB）移除']);

    fireEvent.click(container.querySelectorAll('[data-testid=correction-attachment-remove]')[1]!);
    expect(container.querySelectorAll('[data-testid=correction-attachment]')).toHaveLength(1);

    fireEvent.change(el(container, '#correction-answer'), { target: { value: '项目名称见附件' } });
    await act(async () => {
      fireEvent.click(el(container, '#correction-submit'));
    });
    await waitFor(() => expect(el(container, '#case-state').textContent).toBe('已登记，待审核'));
    expect([...container.querySelectorAll('[data-testid=correction-attached]')].map((e) => e.textContent)).toEqual(['项目证明.pdf（1 KB）查看']);
    unmount();

    // Staff see the attachment and open it through a link the server gives them.
    setTransport(inProcessTransport(deps, PERSONA_OPENIDS.clerk));
    const opened: string[] = [];
    const open = jest.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    try {
      const staffPage = render(<StaffCase />);
      await waitFor(() => expect(staffPage.container.querySelectorAll('[data-testid=staff-attachment]')).toHaveLength(1));
      expect(el(staffPage.container, '[data-testid=staff-attachment]').textContent).toContain('项目证明.pdf');
      await act(async () => {
        fireEvent.click(el(staffPage.container, '[data-testid=staff-attachment-open]'));
      });
      await waitFor(() => expect(opened).toHaveLength(1));
    } finally {
      open.mockRestore();
    }
    expect(opened[0]).toMatch(/^\/local\/files\/[a-f0-9]{32}$/);
    const file = (await gatewayFetch(opened[0]!)) as { status: number; headers: Record<string, string>; text: () => Promise<string> };
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('项目证明.pdf')}`);
    expect(await file.text()).toBe('%PDF-1.4 证明');
  });
});

describe('reply letter', () => {
  it('downloads the reply letter as 答复书-<查询码>.txt', async () => {
    deps.clock = { now: () => new Date('2026-02-10T02:00:00Z') };
    const call = caller(deps);
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'attach-ui-000000000002', application }));
    let version = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'accept' } })).version;
    version = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: version, command: { type: 'draftReply', outcome: 'granted', text: '张三：\n现予以公开。' } })).version;
    expectOk(await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: version, command: { type: 'decideReply', approve: true } }));

    const downloads: Array<{ name: string; blob: Blob }> = [];
    const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
    const saved = { create: urls.createObjectURL, revoke: urls.revokeObjectURL };
    const blobs = new Map<string, Blob>();
    urls.createObjectURL = (blob: Blob) => {
      blobs.set(`blob:test/${blobs.size}`, blob);
      return `blob:test/${blobs.size - 1}`;
    };
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
    });
    try {
      setTransport(inProcessTransport(deps, PERSONA_OPENIDS.owner));
      setRouterParams({ id: receipt.id });
      const { container } = render(<ApplyCase />);
      await waitFor(() => expect(container.querySelector('#reply-download')).toBeTruthy());
      await act(async () => {
        fireEvent.click(el(container, '#reply-download'));
      });
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(downloads[0]!.name).toBe(`答复书-${receipt.queryCode}.txt`);
      expect(downloads[0]!.blob.type).toBe('text/plain;charset=utf-8');
      const text = (await readBlob(downloads[0]!.blob)).toString('utf8');
      expect(text).toContain(`查询码：${receipt.queryCode}`);
      expect(text).toContain('现予以公开。');
      expect(el(container, '#reply-download-status').textContent).toBe(`已下载 答复书-${receipt.queryCode}.txt`);
    } finally {
      click.mockRestore();
      urls.createObjectURL = saved.create;
      urls.revokeObjectURL = saved.revoke;
    }
  });
});
