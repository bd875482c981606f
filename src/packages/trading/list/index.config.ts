export default definePageConfig({ navigationBarTitleText: '交易公告' });
