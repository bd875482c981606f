export default definePageConfig({ navigationBarTitleText: '解读与会议统计' });
