export default definePageConfig({ navigationBarTitleText: '开标大厅' });
