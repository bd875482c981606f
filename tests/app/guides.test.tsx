/** @jest-environment jsdom */
// 交易操作一点通, 土地推介 (the web's list without a map), the showcase page and the home 飘窗, rendered
// against the real `guides` handlers over the seeded store.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Home from '@/pages/index/index';
import GuidesList from '@/packages/guides/list/index';
import GuideDetail from '@/packages/guides/detail/index';
import Parcels from '@/packages/guides/parcels/index';
import ParcelDetail from '@/packages/guides/parcel/index';
import Showcase from '@/packages/guides/showcase/index';
import { setElderMode } from '@/hooks/useElderMode';
import { setTransport } from '@/services/api';
import { shanghaiDate } from '@/domain/calendar/dates';
import Taro from '@tarojs/taro';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { installDemoGuideFiles } from '../../cloudfunctions/_lib/seed/guides-demo';

let opened: string[];

beforeEach(async () => {
  resetTaroStandIn();
  const deps = await testDeps();
  await installDemoGuideFiles(deps.files);
  setTransport(inProcessTransport(deps));
  opened = [];
  jest.spyOn(window, 'open').mockImplementation((url) => {
    opened.push(String(url));
    return null;
  });
});

afterEach(() => {
  setTransport(undefined);
  jest.restoreAllMocks();
});

describe('交易操作一点通', () => {
  it('lists guides 10 at a time, filters by transaction type and kind, and opens one', async () => {
    const { container } = render(<GuidesList />);
    const rows = () => [...container.querySelectorAll('[data-testid=guide]')];
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(rows()[0]!.querySelector('[data-testid=demo-badge]')).not.toBeNull();
    fireEvent.click(container.querySelector('#load-more')!);
    await waitFor(() => expect(rows()).toHaveLength(15));
    expect(screen.getByText('已显示全部')).toBeTruthy();

    fireEvent.click(container.querySelector('#type-landMining')!);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().every((row) => row.getAttribute('data-type') === 'landMining')).toBe(true);
    expect(container.querySelector('#type-landMining')!.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(container.querySelector('#kind-plainSheet')!);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.querySelector('[data-testid=guide-kind]')!.textContent).toBe('进场交易明白纸');
    expect(container.querySelector('#kind-plainSheet')!.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(rows()[0]!);
    expect(navigations).toEqual([`/packages/guides/detail/index?id=${rows()[0]!.id.replace('guide-', '')}`]);
  });

  it('shows a guide’s numbered steps, materials and contacts, and downloads its attachment', async () => {
    setRouterParams({ id: 'demo-guide-003' });
    const { container } = render(<GuideDetail />);
    await waitFor(() => expect(container.querySelector('#guide-title')).not.toBeNull());
    expect(container.querySelector('#guide-kind')!.textContent).toBe('进场交易明白纸');
    const steps = [...container.querySelectorAll('[data-testid=guide-step]')];
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps[0]!.getAttribute('aria-label')).toMatch(/^第 1 步：/);
    expect(container.querySelectorAll('[data-testid=guide-material]').length).toBeGreaterThan(0);
    expect(container.querySelector('#contact-0')!.textContent).toContain('0533-2270076');
    await act(async () => {
      fireEvent.click(container.querySelector('#attachment-0')!);
    });
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatch(/^\/local\/files\/[a-f0-9]{32}$/);
    expect(container.querySelector('#attachment-error')).toBeNull();
  });
});

describe('拟出让土地市场推介', () => {
  it('on the web shows no map but a list with addresses, coordinates and a map link for every parcel', async () => {
    const { container } = render(<Parcels />);
    const rows = () => [...container.querySelectorAll('[data-testid=parcel]')];
    await waitFor(() => expect(rows()).toHaveLength(9));
    expect(container.querySelector('#parcel-map')).toBeNull();
    for (const row of rows()) {
      expect(row.querySelector('[data-testid=parcel-address]')!.textContent).toMatch(/区|县/);
      expect(row.querySelector('[data-testid=parcel-coordinates]')!.textContent).toMatch(/^北纬 3\d\.\d{4}°，东经 11\d\.\d{4}°$/);
      expect(row.querySelector('[id^=locate-]')!.getAttribute('aria-label')).toMatch(/^在地图中查看位置：/);
      expect(row.querySelector('[data-testid=parcel-status]')!.textContent).toMatch(/推介中|已挂牌|已成交/);
    }
    fireEvent.click(rows()[0]!.querySelector('[id^=locate-]')!);
    expect(opened[0]).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=11\d\.\d{6},3\d\.\d{6}&name=.+&coord=gaode/);

    fireEvent.click(container.querySelector('#status-listed')!);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await waitFor(() => expect(rows().every((row) => row.getAttribute('data-status') === 'listed')).toBe(true));
    fireEvent.click(rows()[0]!.querySelector('[id^=open-parcel-]')!);
    expect(navigations[0]).toMatch(/^\/packages\/guides\/parcel\/index\?id=demo-parcel-\d{3}$/);
  });

  it('shows a parcel’s location, area in m² and 亩, use, and links to its announcement chain', async () => {
    setRouterParams({ id: 'demo-parcel-002' });
    const { container } = render(<ParcelDetail />);
    await waitFor(() => expect(container.querySelector('#parcel-name')).not.toBeNull());
    expect(container.querySelector('#parcel-district')!.textContent).toBe('周村区');
    expect(container.querySelector('#parcel-area')!.textContent).toBe('66,700 平方米（100.05 亩）');
    expect(container.querySelector('#parcel-use')!.textContent).toBe('工业用地');
    expect(container.querySelector('#parcel-coordinates')!.textContent).toMatch(/^北纬/);
    fireEvent.click(container.querySelector('#parcel-chain')!);
    expect(navigations).toEqual([expect.stringMatching(/^\/packages\/trading\/chain\/index\?id=demo-prj-\d{3}$/)]);
  });
});

describe('交易创新展示', () => {
  it('lists the cases, the report’s two first, and links demo cases to their chains', async () => {
    const { container } = render(<Showcase />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=showcase-case]').length).toBeGreaterThanOrEqual(4));
    const cases = [...container.querySelectorAll('[data-testid=showcase-case]')];
    expect(cases[0]!.textContent).toContain('首宗广告位使用权交易');
    expect(cases[0]!.querySelector('[data-testid=demo-badge]')).toBeNull();
    expect(cases[1]!.textContent).toContain('猕猴桃采摘权交易');
    const link = container.querySelector('[id^=case-chain-]')!;
    fireEvent.click(link);
    expect(navigations[0]).toMatch(/^\/packages\/trading\/chain\/index\?id=demo-prj-/);
  });
});

describe('home 飘窗', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('shows the showcase beside (not over) the 评价 button, closes with its × and stays closed today', async () => {
    const { container, unmount } = render(<Home />);
    const float = await waitFor(() => {
      const found = container.querySelector('#showcase-float');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(float.getAttribute('aria-label')).toBe('交易创新展示（飘窗）');
    expect(float.textContent).toContain('首宗广告位使用权交易');
    expect((float as HTMLElement).style.left).toBe('12px');
    expect((container.querySelector('#rate-float') as HTMLElement).style.right).toBe('16px');
    const close = container.querySelector('#showcase-close')!;
    expect(close.getAttribute('tabindex')).toBe('0');
    fireEvent.click(close);
    expect(container.querySelector('#showcase-float')).toBeNull();
    expect(Taro.getStorageSync('showcaseFloatDismissedOn')).toBe(shanghaiDate(new Date()));
    unmount();
    const again = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    await act(async () => undefined);
    expect(again.container.querySelector('#showcase-float')).toBeNull();
  });

  it('closes with Escape, and opens the showcase page', async () => {
    const { container } = render(<Home />);
    await waitFor(() => expect(container.querySelector('#showcase-more')).not.toBeNull());
    fireEvent.click(container.querySelector('#showcase-more')!);
    expect(navigations).toEqual(['/packages/guides/showcase/index']);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(container.querySelector('#showcase-float')).toBeNull();
  });

  it('is not shown in 长辈版', async () => {
    setElderMode(true);
    const { container } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    await act(async () => undefined);
    expect(container.querySelector('#showcase-float')).toBeNull();
    expect(container.querySelector('#rate-float')).toBeNull();
  });
});
