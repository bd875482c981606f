// Pages: the main package holds the entry and column pages; feature areas are subpackages, preloaded
// from the home page (WeChat's advice: main package small, `lazyCodeLoading`).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/catalogue/index'],
  subPackages: [
    { root: 'packages/catalogue', pages: ['detail/index'] },
    { root: 'packages/report', pages: ['list/index', 'detail/index'] },
    { root: 'packages/about', pages: ['contact/index', 'coming/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/report', 'packages/about'] },
    'pages/catalogue/index': { network: 'all', packages: ['packages/catalogue'] },
  },
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '政府信息公开',
    navigationBarTextStyle: 'white',
  },
});
