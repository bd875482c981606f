export default definePageConfig({ navigationBarTitleText: '宗地详情' });
