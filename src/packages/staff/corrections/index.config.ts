export default definePageConfig({ navigationBarTitleText: '找错处理' });
