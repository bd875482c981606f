export default definePageConfig({ navigationBarTitleText: '发布意见征集' });
