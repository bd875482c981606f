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
    { root: 'packages/staff', pages: ['index/index', 'case/index', 'register/index', 'outbox/index', 'calendar/index', 'report/index', 'ratings/index', 'consultations/index', 'consultations/detail/index', 'consultations/new/index', 'publishing/index', 'policies/index', 'opendays/index', 'questions/index', 'corrections/index', 'freshness/index'] },
    // 好差评 (citizens): the rating sheet, my ratings, public statistics.
    { root: 'packages/rate', pages: ['index/index', 'mine/index', 'stats/index'] },
    // 意见征集 (citizens): the consultations by phase, one draft with its comments and the 采纳情况.
    { root: 'packages/consult', pages: ['list/index', 'detail/index'] },
    // 交易公告 (one chain per project) and 开标大厅 (today's bid openings).
    { root: 'packages/trading', pages: ['list/index', 'chain/index', 'hall/index', 'stats/index'] },
    // 我的订阅 (follow columns, transaction types) and 我的消息.
    { root: 'packages/follow', pages: ['index/index', 'messages/index'] },
    // 公众号文章 (the public account's articles).
    { root: 'packages/articles', pages: ['list/index', 'detail/index'] },
    // 政策解读 (by form and interpreter) and 会议公开 (meetings, topics and their interpretations).
    { root: 'packages/policy', pages: ['list/index', 'interpretation/index', 'meetings/index', 'meeting/index', 'stats/index'] },
    // 平台开放日 (citizens): events with sign-up, one event, my sign-ups.
    { root: 'packages/opendays', pages: ['list/index', 'detail/index', 'mine/index'] },
    // 交易操作一点通 (guides), 拟出让土地市场推介 (parcels on a map) and the innovation showcase.
    { root: 'packages/guides', pages: ['list/index', 'detail/index', 'parcels/index', 'parcel/index', 'showcase/index'] },
    // Search across documents, announcements, guides and the other columns.
    { root: 'packages/search', pages: ['index/index'] },
    // 咨询留言 (citizens): answered public questions with the month's statistics, ask, my questions, one question.
    { root: 'packages/questions', pages: ['list/index', 'ask/index', 'mine/index', 'detail/index'] },
    // 找错: entered from the bottom of content pages, so not preloaded.
    { root: 'packages/feedback', pages: ['form/index', 'mine/index'] },
  ],
  preloadRule: {
    'pages/index/index': {
      network: 'all',
      packages: ['packages/report', 'packages/about', 'packages/apply', 'packages/rate', 'packages/consult', 'packages/trading', 'packages/follow', 'packages/articles', 'packages/policy', 'packages/opendays', 'packages/guides', 'packages/search', 'packages/questions'],
    },
    'pages/catalogue/index': { network: 'all', packages: ['packages/catalogue'] },
  },
  lazyCodeLoading: 'requiredComponents',
  // H5 only: no slide between pages. Taro's router hides the page underneath on a timer after the
  // slide, so a browser "back" pressed during the slide came back to a blank page; without the
  // animation the hiding happens at once (and motion-sensitive readers get no slide either).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '政府信息公开',
    navigationBarTextStyle: 'white',
  },
});
