// 我的找错: the caller's own reports, newest first, with their state in words, the due date and the
// center's reply once handled (已更正 / 无需更正).
import { Text, View } from '@tarojs/components';
import type { CorrectionView } from '@/contracts/corrections';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate } from '../shared';
import '../feedback.css';

function Report({ report }: { report: CorrectionView }) {
  return (
    <View className='fb-item' data-testid='my-correction' id={`my-correction-${report.id}`} data-state={report.state}>
      <Text className='fb-item-title'>
        <Text className={`fb-state fb-state-${report.state}`}>{report.stateLabel}</Text>
        {report.pageTitle}
      </Text>
      <Text className='fb-quote'>{`原文：${report.quote}`}</Text>
      <Text className='fb-meta'>{`问题：${report.problem}`}</Text>
      <Text className='fb-meta muted'>
        {report.handledOn ? `提交于 ${formatDate(report.receivedOn)}，已于 ${formatDate(report.handledOn)} 处理` : `提交于 ${formatDate(report.receivedOn)}，处理期限 ${formatDate(report.due)}`}
      </Text>
      {report.reply ? (
        <Text className='fb-reply' data-testid='correction-reply'>
          {`本中心的答复：${report.reply}`}
        </Text>
      ) : null}
    </View>
  );
}

export default function FeedbackMine() {
  const mine = useRemote(() => call('corrections', 'listMine', {}), [], { refreshOnShow: true });
  return (
    <PageShell testId='feedback-mine'>
      <View className='header'>
        <Text className='header-title'>我的找错</Text>
        <Text className='header-sub'>您报告的页面错误及处理结果（收到后 3 个工作日内答复）</Text>
      </View>
      <RemoteView state={mine}>
        {(items) =>
          items.length === 0 ? (
            <View className='state' id='feedback-mine-empty'>
              <Text className='muted'>您还没有提交过找错。在任一内容页面底部点“找错”即可报告错误。</Text>
            </View>
          ) : (
            <View className='card'>
              <Text className='card-title'>{`我的找错（共 ${items.length} 条）`}</Text>
              {items.map((report) => (
                <Report key={report.id} report={report} />
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
