// 依申请公开: what the statute promises an applicant, in plain words, and the three ways in
// (apply online, follow my applications, work out a deadline).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import '../apply.css';
import { RateFloat } from '@/components/RateFloat';

const ENTRIES = [
  { id: 'apply-new', title: '在线申请', description: '填写申请表，提交后即可取得回执和查询码', url: '/packages/apply/form/index' },
  { id: 'apply-mine', title: '我的申请', description: '查看办理进度、补正通知和答复书', url: '/packages/apply/mine/index' },
  { id: 'apply-calculator', title: '期限计算器', description: '按法定工作日推算补正、答复等期限', url: '/packages/apply/calculator/index' },
] as const;

const GUIDE = [
  {
    title: '申请免费',
    text: '向本中心申请获取政府信息，不收取费用。只有申请数量、频次明显超过合理范围的，才可能依规定收取信息处理费。',
    article: '条例第四十二条',
  },
  {
    title: '申请应写明的内容',
    text: '（一）申请人的姓名或者名称、身份证明、联系方式；（二）所需政府信息的名称、文号或者便于查询的其他特征性描述；（三）获取信息的方式、途径（纸质或电子，邮寄、电子邮件、当面领取或在线查阅）。',
    article: '条例第二十九条',
  },
  {
    title: '答复期限',
    text: '能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复。需要延长的，经负责人同意并告知您，延长期限最长不超过 20 个工作日。征求第三方或其他机关意见所需时间不计算在内。',
    article: '条例第三十三条',
  },
  {
    title: '补正',
    text: '申请内容不明确的，本中心在收到申请之日起 7 个工作日内一次性告知需要补正的全部事项和合理的补正期限；答复期限自收到补正后的申请之日起重新计算。无正当理由逾期不补正的，视为放弃申请。',
    article: '条例第三十条',
  },
  {
    title: '怎样计算工作日',
    text: '网上提交的申请，以双方确认之日为收到申请之日；收到申请之日为第 0 日，从次日起按国家公布的节假日和调休安排计算工作日。',
    article: '条例第三十一条',
  },
] as const;

export default function ApplyHome() {
  // Only a hint on the 我的申请 entry: the page works without it (and for visitors not signed in).
  const mine = useRemote(() => call('requests', 'listMine', {}), [], { refreshOnShow: true });
  const open = mine.data?.filter((item) => item.urgency !== 'done').length ?? 0;
  return (
    <PageShell testId='apply-home'>
      <View className='header'>
        <Text className='header-title'>依申请公开</Text>
        <Text className='header-sub'>向淄博市公共资源交易中心申请获取政府信息</Text>
      </View>
      <View className='card' role='group' aria-label='办理入口'>
        {ENTRIES.map((entry) => (
          <View
            key={entry.id}
            id={entry.id}
            className='list-item tap apply-entry'
            role='link'
            aria-label={`${entry.title}：${entry.description}`}
            onClick={() => void Taro.navigateTo({ url: entry.url })}
          >
            <View className='apply-entry-body'>
              <Text className='list-item-title'>
                {entry.title}
                {entry.id === 'apply-mine' && open > 0 ? (
                  <Text className='apply-count' id='apply-mine-count'>
                    {`（${open} 件办理中）`}
                  </Text>
                ) : null}
              </Text>
              <Text className='list-item-meta muted'>{entry.description}</Text>
            </View>
            <Text className='apply-entry-arrow' aria-hidden='true'>
              ›
            </Text>
          </View>
        ))}
      </View>
      <View className='card' id='apply-guide' role='region' aria-labelledby='apply-guide-title'>
        <Text className='card-title' id='apply-guide-title'>
          申请须知
        </Text>
        <Text className='muted apply-intro'>依据《中华人民共和国政府信息公开条例》（2019 年修订）</Text>
        {GUIDE.map((item) => (
          <View key={item.title} className='apply-guide-item'>
            <Text className='apply-guide-title'>
              {item.title}
              <Text className='apply-article'>{`（${item.article}）`}</Text>
            </Text>
            <Text className='apply-guide-text'>{item.text}</Text>
          </View>
        ))}
      </View>
      <RateFloat service='infoRequest' />
    </PageShell>
  );
}
