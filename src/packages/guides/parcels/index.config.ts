export default definePageConfig({ navigationBarTitleText: '拟出让土地市场推介' });
