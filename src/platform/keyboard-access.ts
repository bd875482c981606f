// Platform-neutral entry for tools that do not know Taro's platform suffixes (tsc, jest): the web
// implementation. The builds resolve `@/platform/keyboard-access` to the .h5 or .weapp file.
export * from './keyboard-access.h5';
