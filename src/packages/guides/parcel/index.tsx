// One parcel: 宗地编号, location (with coordinates in words and a link to open them on a map), area in
// m² and 亩, use, planned transfer, reserve price, particulars, and its 交易公告 chain once announced.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { formatArea, formatCoordinates } from '@/domain/guides/land';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, GUIDES_ROUTES, openParcelLocation } from '../shared';
import '../guides.css';

function MetaRow({ label, value, id }: { label: string; value?: string; id: string }) {
  if (!value) return null;
  return (
    <View className='gd-meta-row'>
      <Text className='muted gd-meta-label'>{label}</Text>
      <Text className='gd-meta-value' id={id}>
        {value}
      </Text>
    </View>
  );
}

export default function ParcelDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const parcel = useRemote(() => call('guides', 'getParcel', { id }), [id]);
  return (
    <PageShell testId='parcel-detail'>
      <RemoteView state={parcel}>
        {(doc) => (
          <>
            <View className='card'>
              <Text className='card-title' id='parcel-name'>
                {doc.name}
                {doc.demo ? <DemoBadge /> : null}
              </Text>
              <MetaRow label='宗地编号' value={doc.code} id='parcel-code' />
              <MetaRow label='推介状态' value={doc.statusLabel} id='parcel-status' />
              <MetaRow label='所在区县' value={doc.district} id='parcel-district' />
              <MetaRow label='宗地位置' value={doc.address} id='parcel-address' />
              <MetaRow label='坐标（GCJ-02）' value={formatCoordinates(doc)} id='parcel-coordinates' />
              <MetaRow label='土地面积' value={`${formatArea(doc.areaSqm)} 平方米（${doc.areaMu} 亩）`} id='parcel-area' />
              <MetaRow label='土地用途' value={doc.use} id='parcel-use' />
              <MetaRow label='出让方式' value={doc.transferMethod} id='parcel-method' />
              <MetaRow label='计划出让时间' value={formatDate(doc.plannedDate)} id='parcel-planned' />
              <MetaRow label='起始价' value={doc.reservePrice} id='parcel-price' />
              <View className='gd-link tap' id='parcel-locate' role='link' aria-label={`在地图中查看位置：${doc.name}，${doc.address}`} onClick={() => openParcelLocation(doc)}>
                <Text>在地图中查看位置</Text>
              </View>
            </View>
            <View className='card'>
              <Text className='card-title'>宗地详情</Text>
              {doc.particulars.map((paragraph, index) => (
                <Text key={index} className='paragraph'>
                  {paragraph}
                </Text>
              ))}
              {doc.projectId ? (
                <View className='gd-link tap' id='parcel-chain' role='link' aria-label='查看出让公告（交易公告一链式）' onClick={() => void Taro.navigateTo({ url: GUIDES_ROUTES.chain(doc.projectId!) })}>
                  <Text>查看出让公告</Text>
                  <Text aria-hidden='true'> ›</Text>
                </View>
              ) : (
                <Text className='muted' id='parcel-no-chain'>
                  {doc.status === 'promoting' ? '尚未发布出让公告，发布后可在“交易公告”栏目查看。' : '出让公告请在“交易公告”栏目查询。'}
                </Text>
              )}
              {doc.contact ? (
                <View className='gd-link tap' id='parcel-phone' role='button' aria-label={`${doc.contact.name}：${doc.contact.phone}，点按拨打`} onClick={() => void Taro.makePhoneCall({ phoneNumber: doc.contact!.phone })}>
                  <Text>{`${doc.contact.name}：${doc.contact.phone}`}</Text>
                </View>
              ) : null}
            </View>
          </>
        )}
      </RemoteView>
      {parcel.data ? <ReportError title={parcel.data.name} /> : null}
    </PageShell>
  );
}
