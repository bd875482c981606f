// Pages: the main package holds the entry and column pages; feature areas are subpackages, preloaded
// from the home page (WeChat's advice: main package small, `lazyCodeLoading`).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/catalogue/index'],
  subPackages: [
    { root: 'packages/catalogue', pages: ['detail/index'] },
    { root: 'packages/report', pages: ['list/index', 'detail/index'] },
    { root: 'packages/about', pages: ['contact/index', 'coming/index'] },
    // 依申请公开 (citizens): apply online, receipt, my applications, one case, deadline calculator.
    { root: 'packages/apply', pages: ['index/index', 'form/index', 'receipt/index', 'mine/index', 'case/index', 'calculator/index'] },
    // Staff console: entered from the home page's 工作台 card (staff only), so not preloaded for everyone.
    { root: 'packages/staff', pages: ['index/index', 'case/index', 'register/index', 'outbox/index', 'calendar/index', 'report/index', 'ratings/index', 'consultations/index', 'consultations/detail/index', 'consultations/new/index', 'publishing/index'] },
    // 好差评 (citizens): the rating sheet, my ratings, public statistics.
    { root: 'packages/rate', pages: ['index/index', 'mine/index', 'stats/index'] },
    // 意见征集 (citizens): the consultations by phase, one draft with its comments and the 采纳情况.
    { root: 'packages/consult', pages: ['list/index', 'detail/index'] },
    // 交易公告 (one chain per project) and 开标大厅 (today's bid openings).
    { root: 'packages/trading', pages: ['list/index', 'chain/index', 'hall/index'] },
    // 搜索: one box over everything public, entered from the top of the home page.
    { root: 'packages/search', pages: ['index/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/report', 'packages/about', 'packages/apply', 'packages/rate', 'packages/consult', 'packages/trading', 'packages/search'] },
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
