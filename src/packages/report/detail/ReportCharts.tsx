// The reader's charts: horizontal bars drawn with Views (no chart library, nothing a mini-program
// cannot render), each bar with its label and number as text, so colour is never the only cue.
import { Text, View } from '@tarojs/components';
import type { Chart, ChartBar } from './charts';

function Bar({ bar }: { bar: ChartBar }) {
  return (
    <View className={`rc-bar${bar.current ? ' rc-bar-current' : ''}`} role='listitem' aria-label={bar.spoken} data-testid='chart-bar' data-key={bar.key} data-value={bar.value}>
      <Text className='rc-bar-label' aria-hidden='true'>
        {bar.label}
        {bar.current ? <Text className='rc-bar-mark'>本年度</Text> : null}
      </Text>
      <View className='rc-bar-track' aria-hidden='true'>
        <View className='rc-bar-fill' style={{ width: `${bar.percent}%` }} />
      </View>
      <Text className='rc-bar-value' aria-hidden='true'>
        {bar.value}
      </Text>
    </View>
  );
}

function ChartView({ chart }: { chart: Chart }) {
  const titleId = `chart-${chart.id}-title`;
  return (
    <View className='rc-chart' id={`chart-${chart.id}`} data-empty={chart.empty ? 'true' : 'false'}>
      <Text className='rc-chart-title' id={titleId}>
        {chart.title}
      </Text>
      {chart.empty ? (
        <Text className='rc-empty muted'>本年度无此类数据</Text>
      ) : (
        <View role='list' aria-labelledby={titleId}>
          {chart.bars.map((bar) => (
            <Bar key={bar.key} bar={bar} />
          ))}
        </View>
      )}
      {chart.summary ? (
        <Text className='rc-summary' id={`chart-${chart.id}-summary`}>
          {chart.summary}
        </Text>
      ) : null}
    </View>
  );
}

export function ReportCharts({ charts }: { charts: Chart[] }) {
  return (
    <View className='card report-charts' id='charts'>
      <View className='report-section-title' role='heading' aria-level={2}>
        图解：收到和处理政府信息公开申请情况
      </View>
      {charts.map((chart) => (
        <ChartView key={chart.id} chart={chart} />
      ))}
      <Text className='rc-note muted'>数据取自本报告表三（总计列）；条形长度按各图最大值折算，数字为件数。</Text>
    </View>
  );
}
