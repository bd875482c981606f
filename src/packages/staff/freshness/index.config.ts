export default definePageConfig({ navigationBarTitleText: '更新雷达' });
