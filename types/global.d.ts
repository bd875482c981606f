/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The build target. */
    TARO_ENV: 'weapp' | 'h5';
    /** `local` (default): talks to the local gateway and shows the persona switcher. `production`: neither. */
    APP_MODE: 'local' | 'production';
    /** weapp only, local mode: call this gateway over HTTP instead of wx.cloud. Empty = wx.cloud. */
    GATEWAY_URL: string;
    /** CloudBase environment id for wx.cloud.init (empty = the default environment). */
    CLOUD_ENV: string;
    /** JSON: notice kind → subscription template id; empty = do not ask for consent. */
    SUBSCRIBE_TEMPLATE_IDS: string;
  }
}
