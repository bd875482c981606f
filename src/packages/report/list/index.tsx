// 年度报告: the published statutory annual reports, newest year first; a tap opens one.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import './index.css';

function openReport(year: number) {
  void Taro.navigateTo({ url: `/packages/report/detail/index?year=${year}` });
}

export default function ReportList() {
  const reports = useRemote(() => call('report', 'listReports', {}), []);
  return (
    <PageShell testId='report-list'>
      <View className='header'>
        <Text className='header-title'>政府信息公开工作年度报告</Text>
        <Text className='header-sub'>依《中华人民共和国政府信息公开条例》第四十九条，每年1月31日前公布上一年度报告</Text>
      </View>
      <RemoteView state={reports}>
        {(list) =>
          list.length === 0 ? (
            <View className='state muted' id='report-empty'>
              <Text>暂无已发布的年度报告</Text>
            </View>
          ) : (
            <View className='card report-list' role='navigation' aria-label='年度报告列表'>
              {list.map((report) => (
                <View
                  key={report.year}
                  id={`report-${report.year}`}
                  className='list-item tap report-list-item'
                  role='link'
                  onClick={() => openReport(report.year)}
                >
                  <View className='report-list-year' aria-hidden='true'>
                    <Text>{report.year}</Text>
                  </View>
                  <View className='report-list-body'>
                    <Text className='list-item-title'>{report.title}</Text>
                    <Text className='list-item-meta muted'>
                      发布日期 {report.publishedAt}
                      {report.version > 1 ? `（第${report.version}版）` : ''}
                    </Text>
                  </View>
                  <Text className='report-list-arrow' aria-hidden='true'>
                    ›
                  </Text>
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
