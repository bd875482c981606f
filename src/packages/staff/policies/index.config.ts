export default definePageConfig({ navigationBarTitleText: '政策解读与会议发布' });
