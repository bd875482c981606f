// A stand-in for @tarojs/taro in jsdom: storage in memory, navigation recorded, router params settable.
const storage = new Map<string, unknown>();
export const navigations: string[] = [];
/** redirectTo replaces the current page; recorded apart from navigateTo. */
export const redirects: string[] = [];
/** Every showModal call, and the answers the next calls give (default: confirm). */
export const modals: Array<{ title?: string; content?: string }> = [];
export const modalAnswers: boolean[] = [];
export const clipboard: string[] = [];
export const scrolls: Array<{ selector?: string; scrollTop?: number }> = [];
export const toasts: string[] = [];
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroStandIn(): void {
  storage.clear();
  navigations.length = 0;
  redirects.length = 0;
  modals.length = 0;
  modalAnswers.length = 0;
  clipboard.length = 0;
  scrolls.length = 0;
  toasts.length = 0;
  routerParams = {};
}

/** Subscription prompts the app asked for; the stand-in accepts every template. */
export const subscribeRequests: string[][] = [];

const Taro = {
  requestSubscribeMessage: async ({ tmplIds }: { tmplIds: string[] }) => {
    subscribeRequests.push(tmplIds);
    return Object.fromEntries([...tmplIds.map((id) => [id, 'accept']), ['errMsg', 'requestSubscribeMessage:ok']]);
  },
  // Like the real API: '' for a missing key, and values are stored as copies (JSON).
  getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(storage.get(key) as string) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.stringify(value)),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: async ({ url }: { url: string }) => void navigations.push(url),
  redirectTo: async ({ url }: { url: string }) => void redirects.push(url),
  navigateBack: async () => undefined,
  reLaunch: async ({ url }: { url: string }) => void navigations.push(url),
  showToast: async ({ title }: { title: string }) => void toasts.push(title),
  showModal: async ({ title, content }: { title?: string; content?: string; confirmText?: string; cancelText?: string }) => {
    modals.push({ title, content });
    const confirm = modalAnswers.length > 0 ? modalAnswers.shift()! : true;
    return { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
  },
  pageScrollTo: async (options: { selector?: string; scrollTop?: number; duration?: number; offsetTop?: number }) =>
    void scrolls.push({ selector: options.selector, scrollTop: options.scrollTop }),
  makePhoneCall: async () => undefined,
  setClipboardData: async ({ data }: { data: string }) => void clipboard.push(data),
  request: async () => {
    throw new Error('network is not available in component tests');
  },
};

export default Taro;
export const useRouter = () => ({ params: routerParams });
export const useDidShow = (_callback: () => void) => undefined;
export const useLaunch = (_callback: () => void) => undefined;
