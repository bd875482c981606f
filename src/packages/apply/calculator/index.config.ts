export default definePageConfig({ navigationBarTitleText: '期限计算器' });
