/** @jest-environment jsdom */
// 依申请公开, citizen side: the pages rendered against the real `requests` handlers and a seeded store.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ApplyHome from '@/packages/apply/index/index';
import ApplyForm from '@/packages/apply/form/index';
import ApplyReceipt from '@/packages/apply/receipt/index';
import ApplyMine from '@/packages/apply/mine/index';
import ApplyCase from '@/packages/apply/case/index';
import ApplyCalculator from '@/packages/apply/calculator/index';
import { call, setTransport } from '@/services/api';
import { TransportError, type Transport } from '@/services/transport';
import Taro from '@tarojs/taro';
import { clipboard, modalAnswers, modals, navigations, redirects, resetTaroStandIn, scrolls, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk } from '../support/call';

type Deps = Awaited<ReturnType<typeof testDeps>>;

let deps: Deps;
let transport: ReturnType<typeof inProcessTransport>;

const VALID_ID = '11010519491231002X';
const DESCRIPTION = '2023年度政府采购项目的开标记录';

beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  transport = inProcessTransport(deps);
  setTransport(transport);
});

afterEach(() => setTransport(undefined));

function at(iso: string) {
  deps.clock = { now: () => new Date(iso) };
}

function el<T extends Element = HTMLElement>(container: HTMLElement, selector: string): T {
  const found = container.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function type(container: HTMLElement, field: string, value: string) {
  const input = el<HTMLInputElement>(container, `#field-${field}`);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

function fillValid(container: HTMLElement, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = { name: '张三', idNumber: VALID_ID, mobile: '13812345678', description: DESCRIPTION, ...overrides };
  for (const [field, value] of Object.entries(values)) type(container, field, value);
  fireEvent.click(el(container, '#field-deliveryForm-electronic'));
  fireEvent.click(el(container, '#field-deliveryChannel-online'));
}

const submitCalls = () => transport.calls.filter((name) => name === 'requests.submit').length;

/** Submits through the API as the citizen (as the form would) and returns the receipt. */
async function submitDirectly(key = 'direct-key-000000000001') {
  return call('requests', 'submit', {
    idempotencyKey: key,
    application: { applicantType: 'natural', name: '张三', idType: 'residentId', idNumber: VALID_ID, mobile: '13812345678', description: DESCRIPTION, deliveryForm: 'electronic', deliveryChannel: 'online' },
  });
}

describe('landing', () => {
  it('explains the statute in plain words and opens the three entries', async () => {
    await submitDirectly();
    const { container } = render(<ApplyHome />);
    expect(el(container, '[data-testid=apply-home]')).toBeTruthy();
    await waitFor(() => expect(el(container, '#apply-mine-count').textContent).toBe('（1 件办理中）'));
    const guide = el(container, '#apply-guide').textContent!;
    for (const words of ['不收取费用', '第四十二条', '第二十九条', '20 个工作日', '不超过 20 个工作日', '第三十三条', '补正', '第三十条']) expect(guide).toContain(words);
    fireEvent.click(el(container, '#apply-new'));
    fireEvent.click(el(container, '#apply-mine'));
    fireEvent.click(el(container, '#apply-calculator'));
    expect(navigations).toEqual(['/packages/apply/form/index', '/packages/apply/mine/index', '/packages/apply/calculator/index']);
  });
});

describe('application form', () => {
  it('shows inline Chinese errors for a bad ID number and a missing contact, with a summary, and sends nothing', async () => {
    const { container } = render(<ApplyForm />);
    fillValid(container, { idNumber: '110105194912310021', mobile: '' });
    fireEvent.click(el(container, '#agree'));
    fireEvent.click(el(container, '#submit'));

    expect(el(container, '#error-idNumber').textContent).toContain('居民身份证号码不正确');
    expect(el(container, '#error-mobile').textContent).toContain('请至少填写手机号码或电子邮箱之一');
    expect(el(container, '#error-count').textContent).toBe('有 2 处需要修改');
    expect(el(container, '#field-idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#error-name')).toBeNull();
    // The first problem is brought into view and focused.
    expect(scrolls.at(-1)).toEqual({ selector: '#wrap-idNumber', scrollTop: undefined });
    await waitFor(() => expect(document.activeElement?.id).toBe('field-idNumber'));
    expect(submitCalls()).toBe(0);

    // Fixing a field updates the list at once.
    type(container, 'email', 'zhang@example.com');
    expect(container.querySelector('#error-mobile')).toBeNull();
    expect(el(container, '#error-count').textContent).toBe('有 1 处需要修改');
  });

  it('lists every problem of an empty form at once, cross-field rules included', () => {
    const { container } = render(<ApplyForm />);
    fireEvent.click(el(container, '#submit'));
    const shown = [...container.querySelectorAll('[id^=error-]')].map((node) => node.id).filter((id) => id !== 'error-summary' && id !== 'error-count');
    expect(shown.sort()).toEqual(['error-agree', 'error-deliveryChannel', 'error-deliveryForm', 'error-description', 'error-idNumber', 'error-mobile', 'error-name'].sort());
    expect(el(container, '#error-idNumber').textContent).toBe('！请填写证件号码');
    expect(el(container, '#error-count').textContent).toBe('有 7 处需要修改');
  });

  it('checks a filled-in field when it loses focus, and asks for the promise before sending', async () => {
    const { container } = render(<ApplyForm />);
    type(container, 'postcode', '2550');
    expect(el(container, '#error-postcode').textContent).toContain('邮政编码应为 6 位数字');
    type(container, 'postcode', '255000');
    expect(container.querySelector('#error-postcode')).toBeNull();

    fillValid(container);
    fireEvent.click(el(container, '#submit'));
    expect(el(container, '#error-agree').textContent).toContain('本人承诺所填信息真实');
    expect(el(container, '#error-count').textContent).toBe('有 1 处需要修改');
    expect(submitCalls()).toBe(0);
  });

  it('offers only 统一社会信用代码 to organisations and asks for the organisation name', () => {
    const { container } = render(<ApplyForm />);
    expect(el(container, '#field-idType').tagName).toBe('DIV');
    expect(container.querySelector('#field-organisationName')).toBeNull();
    fireEvent.click(el(container, '#field-applicantType-commercial'));
    expect(el(container, '#field-applicantType-commercial').getAttribute('aria-checked')).toBe('true');
    expect(el(container, '#field-idType').textContent).toBe('统一社会信用代码');
    expect(el(container, '#label-name').textContent).toContain('联系人姓名');
    fillValid(container, { idNumber: '91350100M000100Y44' });
    fireEvent.click(el(container, '#agree'));
    fireEvent.click(el(container, '#submit'));
    expect(el(container, '#error-organisationName').textContent).toBe('！请填写单位名称');
    expect(el(container, '#error-idNumber').textContent).toContain('统一社会信用代码不正确');
  });

  it('keeps the draft and its idempotency key across closing and reopening, until 清空', async () => {
    const first = render(<ApplyForm />);
    type(first.container, 'name', '李四');
    type(first.container, 'description', '关于某项目的开标记录');
    fireEvent.click(el(first.container, '#field-deliveryChannel-post'));
    const stored = Taro.getStorageSync('apply:draft') as { values: Record<string, string>; idempotencyKey: string };
    expect(stored.values).toMatchObject({ name: '李四', description: '关于某项目的开标记录', deliveryChannel: 'post' });
    expect(stored.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    first.unmount();

    const again = render(<ApplyForm />);
    expect(el<HTMLInputElement>(again.container, '#field-name').value).toBe('李四');
    expect(el<HTMLTextAreaElement>(again.container, '#field-description').value).toBe('关于某项目的开标记录');
    expect(el(again.container, '#field-deliveryChannel-post').getAttribute('aria-checked')).toBe('true');
    expect(el(again.container, '#draft-restored').textContent).toContain('已恢复');
    expect((Taro.getStorageSync('apply:draft') as { idempotencyKey: string }).idempotencyKey).toBe(stored.idempotencyKey);

    // 清空 asks first; declining keeps everything.
    modalAnswers.push(false);
    await act(async () => {
      fireEvent.click(el(again.container, '#clear'));
    });
    expect(el<HTMLInputElement>(again.container, '#field-name').value).toBe('李四');
    await act(async () => {
      fireEvent.click(el(again.container, '#clear'));
    });
    expect(modals).toHaveLength(2);
    expect(el<HTMLInputElement>(again.container, '#field-name').value).toBe('');
    expect(Taro.getStorageSync('apply:draft')).toBe('');
    again.unmount();
    const fresh = render(<ApplyForm />);
    expect(fresh.container.querySelector('#draft-restored')).toBeNull();
  });

  it('after a network failure keeps the draft, offers 重试, and the retry creates exactly one application', async () => {
    const { container } = render(<ApplyForm />);
    fillValid(container);
    fireEvent.click(el(container, '#agree'));
    transport.failNext(1);
    await act(async () => {
      fireEvent.click(el(container, '#submit'));
    });
    expect(el(container, '#submit-network-error').textContent).toContain('网络连接失败，您的申请已保存为草稿，请重试');
    expect(redirects).toEqual([]);
    expect((Taro.getStorageSync('apply:draft') as { values: { name: string } }).values.name).toBe('张三');

    await act(async () => {
      fireEvent.click(el(container, '#submit-retry'));
    });
    await waitFor(() => expect(redirects).toHaveLength(1));
    expect(redirects[0]).toMatch(/^\/packages\/apply\/receipt\/index\?id=req-[0-9a-f]+$/);
    expect(submitCalls()).toBe(2);
    expect(await call('requests', 'listMine', {})).toHaveLength(1);
    // The receipt arrived: draft and key are gone.
    expect(Taro.getStorageSync('apply:draft')).toBe('');
  });

  it('reuses the key when the answer (not the request) was lost, so the server replays the same receipt', async () => {
    const keys: string[] = [];
    let loseAnswers = 1;
    const lossy: Transport = {
      async send(functionName, event) {
        const answer = await transport.send(functionName, event);
        if (event.action === 'submit') {
          keys.push((event.input as { idempotencyKey: string }).idempotencyKey);
          if (loseAnswers-- > 0) throw new TransportError('connection dropped after the server answered');
        }
        return answer;
      },
    };
    setTransport(lossy);
    const { container } = render(<ApplyForm />);
    fillValid(container);
    fireEvent.click(el(container, '#agree'));
    await act(async () => {
      fireEvent.click(el(container, '#submit'));
    });
    expect(el(container, '#submit-network-error')).toBeTruthy();
    // While sending, the button says so and cannot be pressed twice.
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    setTransport({ send: async (fn, event) => (await gate, lossy.send(fn, event)) });
    fireEvent.click(el(container, '#submit-retry'));
    await waitFor(() => expect(el(container, '#submit').textContent).toBe('正在提交…'));
    expect(el(container, '#submit').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(el(container, '#submit'));
    await act(async () => release());
    await waitFor(() => expect(redirects).toHaveLength(1));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(redirects[0]).toContain('&replayed=1');
    setTransport(transport);
    expect(await call('requests', 'listMine', {})).toHaveLength(1);
  });
});

describe('receipt', () => {
  it('shows the query code, the legal receipt date and the reply deadline with its explanation', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyReceipt />);
    await waitFor(() => expect(container.querySelector('#receipt-query-code')).toBeTruthy());
    expect(el(container, '#receipt-query-code').textContent).toBe(receipt.queryCode);
    expect(receipt.queryCode).toMatch(/^[2-9A-Z]{10}$/);
    expect(el(container, '#receipt-date').textContent).toBe('2026年2月10日（星期二）');
    expect(el(container, '#receipt-due').getAttribute('data-due')).toBe('2026-03-16');
    expect(el(container, '#receipt-due').textContent).toContain('2026年3月16日');
    expect(el(container, '#receipt-due-explain').textContent).toContain('20 个工作日');
    fireEvent.click(el(container, '#receipt-copy'));
    expect(clipboard).toEqual([receipt.queryCode]);
    fireEvent.click(el(container, '#receipt-mine'));
    expect(navigations).toEqual(['/packages/apply/mine/index']);
  });

  it('says so when the link has no id', async () => {
    render(<ApplyReceipt />);
    expect(await screen.findByText('链接中缺少申请编号，请从“我的申请”进入')).toBeTruthy();
  });
});

describe('my applications', () => {
  it('has an empty state that leads to the form', async () => {
    const { container } = render(<ApplyMine />);
    await waitFor(() => expect(container.querySelector('#mine-empty')).toBeTruthy());
    fireEvent.click(el(container, '#mine-apply'));
    expect(navigations).toEqual(['/packages/apply/form/index']);
  });

  it('lists each application with its query code, state and working days left, in words', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    at('2026-03-17T02:00:00Z'); // one working day after the 2026-03-16 deadline
    const { container } = render(<ApplyMine />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=my-case]')).toHaveLength(1));
    const row = el(container, `#case-${receipt.id}`);
    expect(row.textContent).toContain(`查询码 ${receipt.queryCode}`);
    expect(row.textContent).toContain(DESCRIPTION);
    expect(row.textContent).toContain('已登记，待审核');
    expect(row.textContent).toContain('答复期限 2026年3月16日');
    expect(within(row).getByTestId('my-case-left').textContent).toBe('已逾期 1 个工作日');
    fireEvent.click(row);
    expect(navigations).toEqual([`/packages/apply/case/index?id=${receipt.id}`]);
  });

  it('counts working days left before the deadline', async () => {
    at('2026-02-10T02:00:00Z');
    await submitDirectly();
    at('2026-03-12T02:00:00Z');
    const { container } = render(<ApplyMine />);
    await waitFor(() => expect(container.querySelector('[data-testid=my-case-left]')).toBeTruthy());
    expect(el(container, '[data-testid=my-case-left]').textContent).toBe('剩余 2 个工作日');
  });
});

describe('one application', () => {
  it('shows state, masked ID, the timeline and deadlines whose explanation names the Spring Festival', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#case-state')).toBeTruthy());
    expect(el(container, '#case-state').textContent).toBe('已登记，待审核');
    expect(el(container, '#case-idNumber').textContent).toBe('1101**********002X');
    expect(container.textContent).not.toContain(VALID_ID);

    const entries = container.querySelectorAll('[data-testid=timeline-entry]');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.textContent).toContain('2026年2月10日');
    expect(entries[0]!.textContent).toContain('登记');
    expect(entries[0]!.textContent).toContain('网上提交申请');
    expect(entries[0]!.textContent).toContain('第二十九条、第三十一条');

    const deadlines = [...container.querySelectorAll('[data-testid=deadline]')];
    expect(deadlines.map((d) => [d.getAttribute('data-key'), d.getAttribute('data-due')])).toEqual([
      ['correctionNotice', '2026-02-26'],
      ['reply', '2026-03-16'],
    ]);
    const reply = el(container, '#deadline-reply');
    expect(reply.textContent).toContain('第三十三条');
    expect(reply.textContent).toContain('剩余 20 个工作日');
    expect(container.querySelector('#explain-reply-body')).toBeNull();
    fireEvent.click(el(container, '#explain-reply'));
    const explanation = el(container, '#explain-reply-body').textContent!;
    expect(explanation).toContain('收到申请之日 2026年2月10日（星期二） 为第 0 日，从次日起计算 20 个工作日');
    expect(explanation).toContain('春节：2026年2月15日 至 2026年2月23日，共 9 天');
    expect(explanation).toContain('2026年2月14日（星期六），春节调休上班');
    expect(explanation).toContain('2026年2月28日（星期六），春节调休上班');
    expect(explanation).toMatch(/另跳过普通周六、周日共 \d+ 天/);
    expect(explanation).toContain('第 20 个工作日为 2026年3月16日（星期一）');
    expect(explanation).not.toContain('暂定');
    expect(el(container, '#explain-reply').getAttribute('aria-expanded')).toBe('true');
  });

  it('marks a deadline that runs into a year without a published holiday table as provisional', async () => {
    at('2026-12-15T02:00:00Z');
    const receipt = await submitDirectly();
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#deadline-reply')).toBeTruthy());
    expect(el(container, '#deadline-reply-due').textContent).toContain('（暂定）');
    fireEvent.click(el(container, '#explain-reply'));
    expect(el(container, '#explain-reply-provisional').textContent).toContain('（暂定）');
  });

  it('withdraws after confirmation (and not without)', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#withdraw')).toBeTruthy());
    modalAnswers.push(false);
    await act(async () => {
      fireEvent.click(el(container, '#withdraw'));
    });
    expect(transport.calls).not.toContain('requests.actMine');
    await act(async () => {
      fireEvent.click(el(container, '#withdraw'));
    });
    expect(modals.map((m) => m.title)).toEqual(['撤回申请', '撤回申请']);
    await waitFor(() => expect(el(container, '#case-state').textContent).toBe('已终止'));
    expect(container.querySelector('#withdraw')).toBeNull();
    expect([...container.querySelectorAll('[data-testid=timeline-entry]')].at(-1)!.textContent).toContain('申请人撤回申请');
    const [mine] = await call('requests', 'listMine', {});
    expect(mine).toMatchObject({ state: 'closed' });
  });

  it('answers a 补正 request, and the reply period restarts from the correction', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    const staff = caller(deps);
    at('2026-02-13T02:00:00Z');
    expectOk(await staff('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'requestCorrection', items: ['请写明项目名称', '请写明时间范围'] } }));
    at('2026-03-02T02:00:00Z');
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#correction')).toBeTruthy());
    expect(el(container, '#case-state').textContent).toBe('待申请人补正');
    expect(el(container, '#correction-items').textContent).toBe('1. 请写明项目名称2. 请写明时间范围');
    expect(el(container, '#correction-due').textContent).toContain('2026年3月12日');
    expect(el(container, '#deadline-correctionDue').getAttribute('data-due')).toBe('2026-03-12');

    fireEvent.click(el(container, '#correction-submit'));
    expect(el(container, '#error-correction-answer').textContent).toContain('请填写补正内容');
    fireEvent.change(el(container, '#correction-answer'), { target: { value: '项目名称：某学校教学设备采购项目；时间：2023 年' } });
    await act(async () => {
      fireEvent.click(el(container, '#correction-submit'));
    });
    await waitFor(() => expect(el(container, '#case-state').textContent).toBe('已登记，待审核'));
    expect(container.querySelector('#correction-answer')).toBeNull();
    expect(el(container, '#correction-answered').textContent).toBe('2026年3月2日');
    expect(el(container, '#deadline-reply').getAttribute('data-due')).toBe('2026-03-30');
    fireEvent.click(el(container, '#explain-reply'));
    expect(el(container, '#explain-reply-body').textContent).toContain('收到补正后的申请之日 2026年3月2日（星期一） 为第 0 日');
  });

  it('reloads instead of acting on a stale version (CONFLICT)', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#withdraw')).toBeTruthy());
    // Staff accept the case while the page is open.
    expectOk(await caller(deps)('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'accept' } }));
    await act(async () => {
      fireEvent.click(el(container, '#withdraw'));
    });
    await waitFor(() => expect(el(container, '#case-state').textContent).toBe('办理中'));
    expect(el(container, '#case-action-error').textContent).toContain('页面已刷新');
    expect((await call('requests', 'getMine', { id: receipt.id })).state).toBe('handling');
  });

  it('shows the reply letter with its line breaks and copies it in full', async () => {
    at('2026-02-10T02:00:00Z');
    const receipt = await submitDirectly();
    const staff = caller(deps);
    let version = expectOk(await staff('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'accept' } })).version;
    const text = '张三：\n\n您于2026年2月10日提出的申请已收悉。\n现予以公开。';
    version = expectOk(await staff('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: version, command: { type: 'draftReply', outcome: 'granted', text } })).version;
    expectOk(await staff('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: version, command: { type: 'decideReply', approve: true } }));
    setRouterParams({ id: receipt.id });
    const { container } = render(<ApplyCase />);
    await waitFor(() => expect(container.querySelector('#reply-letter')).toBeTruthy());
    expect(el(container, '#case-state').textContent).toBe('已答复');
    expect(el(container, '#reply-outcome').textContent).toBe('予以公开');
    expect(el(container, '#reply-sent').textContent).toBe('2026年2月10日');
    expect(el(container, '#reply-text').textContent).toBe(text);
    expect(el(container, '#reply-text').className).toContain('reply-text');
    expect(container.querySelector('#withdraw')).toBeNull();
    expect(container.querySelectorAll('[data-testid=deadline]')).toHaveLength(0);
    fireEvent.click(el(container, '#reply-copy'));
    expect(clipboard).toEqual([text]);
  });

  it('does not show another person’s application', async () => {
    const receipt = await submitDirectly();
    setTransport(inProcessTransport(deps, 'local-citizen-b'));
    setRouterParams({ id: receipt.id });
    render(<ApplyCase />);
    expect(await screen.findByText('未找到该申请')).toBeTruthy();
  });
});

describe('deadline calculator', () => {
  it('defaults to today and recalculates the four periods for a chosen date, explained', async () => {
    const { container } = render(<ApplyCalculator />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=deadline]')).toHaveLength(4));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(el<HTMLInputElement>(container, '#calc-date [data-picker-control]').value).toBe(today);

    fireEvent.change(el(container, '#calc-date [data-picker-control]'), { target: { value: '2026-09-28' } });
    await waitFor(() =>
      expect([...container.querySelectorAll('[data-testid=deadline]')].map((d) => d.getAttribute('data-due'))).toEqual(['2026-10-13', '2026-10-23', '2026-10-30', '2026-11-27']),
    );
    expect(el(container, '#calc-date-value').textContent).toBe('2026年9月28日（星期一）');
    fireEvent.click(el(container, '#explain-correctionNotice'));
    const explanation = el(container, '#explain-correctionNotice-body').textContent!;
    expect(explanation).toContain('国庆节：2026年10月1日 至 2026年10月7日，共 7 天');
    expect(explanation).toContain('2026年10月10日（星期六），国庆节调休上班');
  });
});
