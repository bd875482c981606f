export default definePageConfig({ navigationBarTitleText: '平台开放日' });
