export default definePageConfig({ navigationBarTitleText: '交易创新展示' });
