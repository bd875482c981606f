export default definePageConfig({ navigationBarTitleText: '交易操作一点通' });
