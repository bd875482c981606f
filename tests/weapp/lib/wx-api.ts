// The `wx` object of the simulated phone. It must be complete before the build's taro.js runs:
// Taro copies `Object.keys(wx)` into `Taro.*` at load time. What the app may call is implemented
// with phone-like answers; WeChat APIs the harness does not simulate exist but fail loudly.
import type { VirtualClock } from './clock';

export type AnyOptions = Record<string, unknown>;

export interface WxCall {
  api: string;
  options: unknown;
  /** Virtual time of the call (ms since launch). */
  at: number;
}

export interface ModalAnswer {
  confirm: boolean;
  content?: string;
}

export interface RequestAnswer {
  statusCode?: number;
  data?: unknown;
  header?: Record<string, string>;
}

export interface WxHost {
  clock: VirtualClock;
  /** Copies a JSON-able value into the app's realm (so `constructor === Object` there). */
  toVm<T>(value: T): T;
  vmPromise: PromiseConstructor;
  record(call: WxCall): void;
  problem(kind: string, message: string): void;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab', options: AnyOptions): Promise<AnyOptions | void>;
  callFunction(name: string, data: unknown): Promise<unknown>;
  cloudLatencyMs: number;
  request?: (options: AnyOptions) => RequestAnswer | Promise<RequestAnswer>;
  modal: (options: AnyOptions) => ModalAnswer;
  storage: Map<string, string>;
  launchOptions(): AnyOptions;
  currentRoute(): string | undefined;
  setNavigationBarTitle(title: string): void;
}

/** A failure reported through `fail` with this errMsg suffix. */
export class WxFail extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WxFail';
  }
}

export const SYSTEM_INFO = {
  brand: 'iPhone',
  model: 'iPhone 13<iPhone14,5>',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.5',
  platform: 'ios',
  fontSizeSetting: 17,
  SDKVersion: '3.5.8',
  benchmarkLevel: -1,
  albumAuthorized: true,
  cameraAuthorized: true,
  locationAuthorized: true,
  microphoneAuthorized: true,
  notificationAuthorized: true,
  bluetoothEnabled: false,
  locationEnabled: true,
  wifiEnabled: true,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
  host: { env: 'WeChat' },
  enableDebug: false,
  deviceOrientation: 'portrait',
};

const STORAGE_ITEM_LIMIT = 1024 * 1024;
const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024;

/** APIs a real phone has that this harness does not simulate: calling one fails the test. */
const NOT_SIMULATED = [
  'login', 'checkSession', 'getUserProfile', 'getUserInfo', 'requestPayment', 'chooseImage', 'chooseMedia', 'chooseMessageFile',
  'previewImage', 'uploadFile', 'downloadFile', 'connectSocket', 'getLocation', 'chooseLocation', 'scanCode',
  'requestSubscribeMessage', 'getSetting', 'openSetting', 'authorize', 'saveImageToPhotosAlbum', 'getFileSystemManager',
  'createCanvasContext', 'createVideoContext', 'createInnerAudioContext', 'showActionSheet', 'openDocument', 'getClipboardData',
  'navigateToMiniProgram', 'shareAppMessage', 'showShareMenu', 'hideShareMenu', 'updateShareMenu', 'getImageInfo', 'compressImage',
  'startPullDownRefresh', 'setTabBarBadge', 'showTabBar', 'hideTabBar', 'getBackgroundAudioManager', 'createIntersectionObserver',
  'createAnimation', 'loadFontFace', 'setScreenBrightness', 'getScreenBrightness', 'setKeepScreenOn', 'startSoterAuthentication',
] as const;

export function createWx(host: WxHost): Record<string, unknown> {
  const listeners = new Map<string, Set<unknown>>();

  const safeCall = (api: string, which: string, fn: unknown, res: unknown) => {
    if (typeof fn !== 'function') return;
    try {
      (fn as (r: unknown) => void)(res);
    } catch (error) {
      host.problem('error', `wx.${api} ${which} callback threw: ${describeError(error)}`);
    }
  };

  /** An async API with success/fail/complete callbacks, or a promise when none is given. */
  const asyncApi =
    (api: string, impl: (options: AnyOptions) => unknown, record = true) =>
    (options: AnyOptions = {}): Promise<unknown> | undefined => {
      const opts = options ?? {};
      if (record) host.record({ api, options: opts, at: host.clock.elapsed });
      const usePromise = typeof opts.success !== 'function' && typeof opts.fail !== 'function' && typeof opts.complete !== 'function';
      let resolve: ((v: unknown) => void) | undefined;
      let reject: ((v: unknown) => void) | undefined;
      const promise = usePromise
        ? new host.vmPromise((res, rej) => {
            resolve = res;
            reject = rej;
          })
        : undefined;
      host.clock.setTimeout(() => {
        Promise.resolve()
          .then(() => impl(opts))
          .then(
            (result) => {
              const res = host.toVm({ errMsg: `${api}:ok`, ...((result as AnyOptions | undefined) ?? {}) });
              safeCall(api, 'success', opts.success, res);
              safeCall(api, 'complete', opts.complete, res);
              resolve?.(res);
            },
            (error: unknown) => {
              const reason = error instanceof WxFail ? error.reason : describeError(error);
              if (!(error instanceof WxFail)) host.problem('error', `wx.${api} failed inside the harness: ${reason}`);
              const res = host.toVm({ errMsg: `${api}:fail ${reason}` });
              safeCall(api, 'fail', opts.fail, res);
              safeCall(api, 'complete', opts.complete, res);
              reject?.(res);
            },
          );
      }, 0);
      return promise;
    };

  const on = (event: string) => (listener: unknown) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)?.add(listener);
  };
  const off = (event: string) => (listener?: unknown) => {
    if (listener === undefined) listeners.delete(event);
    else listeners.get(event)?.delete(listener);
  };

  const storageUsed = () => [...host.storage.entries()].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  const checkKey = (api: string, key: unknown) => {
    if (typeof key !== 'string' || key === '') throw new WxFail(`${api}:fail parameter error: parameter.key should be String instead of ${typeof key}`);
  };
  const writeStorage = (api: string, key: unknown, data: unknown) => {
    checkKey(api, key);
    const serialised = JSON.stringify({ v: data }) ?? '{}';
    if (serialised.length > STORAGE_ITEM_LIMIT) throw new WxFail(`${api}:fail exceed storage item max length`);
    const previous = host.storage.get(key as string)?.length ?? 0;
    if (storageUsed() - previous + serialised.length > STORAGE_TOTAL_LIMIT) throw new WxFail(`${api}:fail exceed storage max size 10MB`);
    host.storage.set(key as string, serialised);
  };
  const readStorage = (key: string): { found: boolean; value: unknown } => {
    const raw = host.storage.get(key);
    if (raw === undefined) return { found: false, value: '' };
    return { found: true, value: host.toVm((JSON.parse(raw) as { v?: unknown }).v) };
  };
  const syncStorage = <T>(api: string, fn: () => T): T => {
    host.record({ api, options: undefined, at: host.clock.elapsed });
    try {
      return fn();
    } catch (error) {
      // Sync APIs throw on a phone too; app code is expected to catch.
      throw error instanceof WxFail ? new Error(error.reason) : error;
    }
  };

  const selectorQuery = () => {
    const results: unknown[] = [];
    const query: Record<string, unknown> = {};
    const nodesRef = () => {
      const ref: Record<string, unknown> = {};
      for (const method of ['boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) {
        ref[method] = (cb?: unknown) => {
          // No layout here: every measurement answers null.
          results.push(null);
          if (typeof cb === 'function') host.clock.setTimeout(() => safeCall('createSelectorQuery', method, cb, null), 0);
          return query;
        };
      }
      return ref;
    };
    Object.assign(query, {
      in: () => query,
      select: () => nodesRef(),
      selectAll: () => nodesRef(),
      selectViewport: () => nodesRef(),
      exec: (cb?: unknown) => {
        host.record({ api: 'createSelectorQuery.exec', options: results.length, at: host.clock.elapsed });
        host.clock.setTimeout(() => safeCall('createSelectorQuery', 'exec', cb, host.toVm(results)), 0);
        return undefined;
      },
    });
    return query;
  };

  let cloudReady = false;
  const cloud = {
    init: (options: AnyOptions = {}) => {
      host.record({ api: 'cloud.init', options, at: host.clock.elapsed });
      cloudReady = true;
    },
    callFunction: asyncApi('cloud.callFunction', async (options) => {
      if (!cloudReady) throw new WxFail('please call wx.cloud.init() before wx.cloud.callFunction');
      const name = options.name;
      if (typeof name !== 'string' || !name) throw new WxFail('parameter.name should be a non-empty string');
      // The client SDK sends `data` as JSON: anything JSON drops is lost here too.
      const data = options.data === undefined ? {} : (JSON.parse(JSON.stringify(options.data) ?? '{}') as unknown);
      const result = await host.callFunction(name, data);
      await new Promise<void>((res) => host.clock.setTimeout(res, host.cloudLatencyMs));
      return { result, requestID: `harness-${host.clock.elapsed}` };
    }),
    database: () => {
      throw new Error('wx.cloud.database() is not simulated: the app talks to its data through cloud functions');
    },
    uploadFile: asyncApi('cloud.uploadFile', () => {
      throw new WxFail('wx.cloud.uploadFile is not simulated');
    }),
    getTempFileURL: asyncApi('cloud.getTempFileURL', () => {
      throw new WxFail('wx.cloud.getTempFileURL is not simulated');
    }),
  };

  const navigation = (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab') =>
    asyncApi(kind, async (options) => (await host.navigate(kind, options)) ?? {});

  const wx: Record<string, unknown> = {
    // Storage
    setStorageSync: (key: unknown, data: unknown) => syncStorage('setStorageSync', () => writeStorage('setStorageSync', key, data)),
    getStorageSync: (key: unknown) =>
      syncStorage('getStorageSync', () => {
        checkKey('getStorageSync', key);
        return readStorage(key as string).value;
      }),
    removeStorageSync: (key: unknown) => syncStorage('removeStorageSync', () => void host.storage.delete(String(key))),
    clearStorageSync: () => syncStorage('clearStorageSync', () => host.storage.clear()),
    getStorageInfoSync: () => host.toVm({ keys: [...host.storage.keys()], currentSize: Math.ceil(storageUsed() / 1024), limitSize: STORAGE_TOTAL_LIMIT / 1024 }),
    setStorage: asyncApi('setStorage', (options) => {
      writeStorage('setStorage', options.key, options.data);
    }),
    getStorage: asyncApi('getStorage', (options) => {
      checkKey('getStorage', options.key);
      const { found, value } = readStorage(options.key as string);
      if (!found) throw new WxFail('data not found');
      return { data: value };
    }),
    removeStorage: asyncApi('removeStorage', (options) => {
      host.storage.delete(String(options.key));
    }),
    clearStorage: asyncApi('clearStorage', () => {
      host.storage.clear();
    }),
    getStorageInfo: asyncApi('getStorageInfo', () => ({ keys: [...host.storage.keys()], currentSize: Math.ceil(storageUsed() / 1024), limitSize: STORAGE_TOTAL_LIMIT / 1024 })),

    // Navigation
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    navigateBack: navigation('navigateBack'),
    reLaunch: navigation('reLaunch'),
    switchTab: navigation('switchTab'),

    // Interaction (recorded)
    showToast: asyncApi('showToast', () => undefined),
    hideToast: asyncApi('hideToast', () => undefined),
    showLoading: asyncApi('showLoading', () => undefined),
    hideLoading: asyncApi('hideLoading', () => undefined),
    showModal: asyncApi('showModal', (options) => {
      const answer = host.modal(options);
      return { confirm: answer.confirm, cancel: !answer.confirm, ...(answer.content !== undefined ? { content: answer.content } : {}) };
    }),
    makePhoneCall: asyncApi('makePhoneCall', (options) => {
      if (typeof options.phoneNumber !== 'string' || !options.phoneNumber) throw new WxFail('parameter.phoneNumber should be String');
    }),
    // Opens WeChat's own map at a point (GCJ-02); the real API refuses coordinates out of range.
    openLocation: asyncApi('openLocation', (options) => {
      const { latitude, longitude } = options as { latitude?: unknown; longitude?: unknown };
      if (typeof latitude !== 'number' || latitude < -90 || latitude > 90) throw new WxFail('parameter.latitude should be Number in [-90, 90]');
      if (typeof longitude !== 'number' || longitude < -180 || longitude > 180) throw new WxFail('parameter.longitude should be Number in [-180, 180]');
    }),
    setClipboardData: asyncApi('setClipboardData', (options) => {
      if (typeof options.data !== 'string') throw new WxFail('parameter.data should be String');
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', (options) => {
      host.setNavigationBarTitle(String(options.title ?? ''));
    }),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => undefined),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () => undefined),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () => undefined),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => undefined),
    pageScrollTo: asyncApi('pageScrollTo', () => undefined),
    vibrateShort: asyncApi('vibrateShort', () => undefined),
    hideKeyboard: asyncApi('hideKeyboard', () => undefined),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: on('networkStatusChange'),
    offNetworkStatusChange: off('networkStatusChange'),

    // Network: not allowed unless a test provides it
    request: (options: AnyOptions = {}) => {
      const handler = host.request;
      if (!handler) host.problem('request', `wx.request(${String(options.method ?? 'GET')} ${String(options.url)}) was called, but the weapp build must use wx.cloud.callFunction; pass \`request\` to the harness to allow it`);
      const task = { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined, onChunkReceived: () => undefined, offChunkReceived: () => undefined };
      asyncApi('request', async (opts) => {
        if (!handler) throw new WxFail('request is not allowed in the harness');
        const answer = await handler(opts);
        return { statusCode: answer.statusCode ?? 200, data: answer.data, header: answer.header ?? {}, cookies: [] };
      })(options);
      return task;
    },

    // Device and app info
    getSystemInfoSync: () => host.toVm(SYSTEM_INFO),
    getSystemInfo: asyncApi('getSystemInfo', () => SYSTEM_INFO, false),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', () => SYSTEM_INFO, false),
    getWindowInfo: () =>
      host.toVm({ pixelRatio: SYSTEM_INFO.pixelRatio, screenWidth: SYSTEM_INFO.screenWidth, screenHeight: SYSTEM_INFO.screenHeight, windowWidth: SYSTEM_INFO.windowWidth, windowHeight: SYSTEM_INFO.windowHeight, statusBarHeight: SYSTEM_INFO.statusBarHeight, safeArea: SYSTEM_INFO.safeArea, screenTop: 0 }),
    getDeviceInfo: () => host.toVm({ brand: SYSTEM_INFO.brand, model: SYSTEM_INFO.model, system: SYSTEM_INFO.system, platform: SYSTEM_INFO.platform, benchmarkLevel: -1, abi: 'arm64', deviceAbi: 'arm64', cpuType: 'unknown', memorySize: 4096 }),
    getAppBaseInfo: () => host.toVm({ SDKVersion: SYSTEM_INFO.SDKVersion, enableDebug: false, host: SYSTEM_INFO.host, language: 'zh_CN', version: SYSTEM_INFO.version, theme: 'light', fontSizeSetting: 17 }),
    getSystemSetting: () => host.toVm({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => host.toVm({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', locationAuthorized: 'authorized', microphoneAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getAccountInfoSync: () => host.toVm({ miniProgram: { appId: 'wx-weapp-harness', envVersion: 'release', version: '' } }),
    getMenuButtonBoundingClientRect: () => host.toVm({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
    getLaunchOptionsSync: () => host.toVm(host.launchOptions()),
    getEnterOptionsSync: () => host.toVm(host.launchOptions()),
    canIUse: () => true,
    nextTick: (cb: unknown) => {
      if (typeof cb === 'function') host.clock.setTimeout(cb, 0);
    },
    createSelectorQuery: () => selectorQuery(),
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
    getRealtimeLogManager: () => ({ info: () => undefined, warn: () => undefined, error: () => undefined, setFilterMsg: () => undefined, addFilterMsg: () => undefined, in: () => undefined }),
    getLogManager: () => ({ log: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined }),
    reportAnalytics: () => undefined,
    reportMonitor: () => undefined,
    reportEvent: () => undefined,
    getPerformance: () => ({ now: () => host.clock.elapsed, getEntries: () => [], createObserver: () => ({ observe: () => undefined, disconnect: () => undefined }) }),
    onAppShow: on('appShow'),
    offAppShow: off('appShow'),
    onAppHide: on('appHide'),
    offAppHide: off('appHide'),
    onError: on('error'),
    offError: off('error'),
    onUnhandledRejection: on('unhandledRejection'),
    offUnhandledRejection: off('unhandledRejection'),
    onPageNotFound: on('pageNotFound'),
    offPageNotFound: off('pageNotFound'),
    onMemoryWarning: on('memoryWarning'),
    offMemoryWarning: off('memoryWarning'),
    onThemeChange: on('themeChange'),
    offThemeChange: off('themeChange'),
    onWindowResize: on('windowResize'),
    offWindowResize: off('windowResize'),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud,
  };

  for (const api of NOT_SIMULATED) {
    wx[api] = (options: AnyOptions = {}) => {
      host.problem('unsupported', `wx.${api} is not simulated by the weapp harness (called from ${host.currentRoute() ?? 'app'})`);
      safeCall(api, 'fail', options?.fail, host.toVm({ errMsg: `${api}:fail not simulated` }));
      safeCall(api, 'complete', options?.complete, host.toVm({ errMsg: `${api}:fail not simulated` }));
      return undefined;
    };
  }
  return wx;
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown; errMsg?: unknown; stack?: unknown };
    if (typeof e.errMsg === 'string') return e.errMsg;
    if (typeof e.message === 'string') {
      const stack = typeof e.stack === 'string' ? e.stack.split('\n').slice(1, 4).map((l) => l.trim()).join(' | ') : '';
      return `${typeof e.name === 'string' ? e.name : 'Error'}: ${e.message}${stack ? ` (${stack})` : ''}`;
    }
  }
  return String(error);
}
