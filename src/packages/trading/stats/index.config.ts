export default definePageConfig({ navigationBarTitleText: '交易统计' });
