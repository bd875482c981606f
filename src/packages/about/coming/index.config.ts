export default definePageConfig({ navigationBarTitleText: '栏目建设中' });
