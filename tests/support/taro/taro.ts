// A stand-in for @tarojs/taro in jsdom: storage in memory, navigation recorded, router params settable.
const storage = new Map<string, unknown>();
export const navigations: string[] = [];
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroStandIn(): void {
  storage.clear();
  navigations.length = 0;
  routerParams = {};
}

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  navigateTo: async ({ url }: { url: string }) => void navigations.push(url),
  navigateBack: async () => undefined,
  reLaunch: async ({ url }: { url: string }) => void navigations.push(url),
  showToast: async () => undefined,
  makePhoneCall: async () => undefined,
  setClipboardData: async () => undefined,
  request: async () => {
    throw new Error('network is not available in component tests');
  },
};

export default Taro;
export const useRouter = () => ({ params: routerParams });
export const useDidShow = (_callback: () => void) => undefined;
export const useLaunch = (_callback: () => void) => undefined;
