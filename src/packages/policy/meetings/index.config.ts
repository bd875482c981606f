export default definePageConfig({ navigationBarTitleText: '会议公开' });
