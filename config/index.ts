// Taro build configuration for both targets: the WeChat mini-program (weapp) and the browser (h5).
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * APP_MODE=local (default) builds the app for the local gateway: H5 calls `/api/*` and shows the
 * persona switcher. APP_MODE=production removes every local-only path at build time.
 */
const appMode = process.env.APP_MODE === 'production' ? 'production' : 'local';
/** Optional: point a weapp build at the local gateway instead of wx.cloud (development only). */
const gatewayUrl = appMode === 'local' ? (process.env.GATEWAY_URL ?? '') : '';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zibo-ggzy-open-gov',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // OUTPUT_ROOT lets a second build (e.g. the production check) leave dist/<platform> alone.
    outputRoot: process.env.OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {
      'process.env.APP_MODE': JSON.stringify(appMode),
      'process.env.GATEWAY_URL': JSON.stringify(gatewayUrl),
      'process.env.CLOUD_ENV': JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // Subscription-message template ids per notice kind (JSON), issued in WeChat's console.
      'process.env.SUBSCRIBE_TEMPLATE_IDS': JSON.stringify(process.env.SUBSCRIBE_TEMPLATE_IDS ?? ''),
    },
    copy: {
      // The 土地推介 map's marker icon: WeChat's <map> needs an image file in the package (iconPath).
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/packages/guides/marker.png', to: `${process.env.OUTPUT_ROOT ?? 'dist/weapp'}/packages/guides/marker.png` }] : [],
      options: {},
    },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // NOTE: prebundle also applies to production builds and inflates them (weapp 376 KB → 940 KB).
      prebundle: { enable: false },
    },
    // NOTE: the weapp build's persistent cache served stale copies of modules shared by two
    // subpackages (sub-common); only the h5 build keeps it.
    cache: { enable: process.env.CI !== 'true' && process.env.TARO_ENV === 'h5' },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // NOTE: pages are lazy chunks on h5; without this group each page carried its own copy of zod
        // and the contracts (six copies, ~1 MB of JS). One shared async chunk loads once.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              sharedAsync: { name: 'shared', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true, enforce: true },
            },
          },
        });
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
