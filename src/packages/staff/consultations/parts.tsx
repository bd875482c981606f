// Small parts of the staff 意见征集 pages: the staff-only notice and the phase tag.
import { Text, View } from '@tarojs/components';
import type { StaffConsultation } from './model';

export function ConsultStaffOnly() {
  return (
    <View className='state st-staff-only' id='staff-only' role='alert'>
      <Text className='st-staff-only-title'>仅限工作人员使用</Text>
      <Text className='muted st-staff-only-sub'>本页面用于发布意见征集、审核意见和公布采纳情况，需以工作人员身份登录。公众请从首页“意见征集”参与。</Text>
    </View>
  );
}

export function PhaseTag({ item, id }: { item: Pick<StaffConsultation, 'phase' | 'phaseLabel'>; id?: string }) {
  return (
    <Text className={`sc-tag sc-phase-${item.phase}`} id={id} data-phase={item.phase}>
      {item.phaseLabel}
    </Text>
  );
}
