export default definePageConfig({ navigationBarTitleText: '主动公开发布' });
