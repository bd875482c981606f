// Pure rules of 交易操作一点通, 土地推介 and the showcase 飘窗.
import { formatArea, formatCoordinates, isInZibo, mapCentre, mapSiteUrl, muFromSquareMetres, parcelMarkers } from '../../src/domain/guides/land';
import { showcaseFloatVisible } from '../../src/domain/guides/showcase';
import { guideProblems } from '../../src/domain/guides/guides';

describe('land parcels', () => {
  it('converts m² to 亩 (15 亩 = 1 ha) and formats areas', () => {
    expect(muFromSquareMetres(10000)).toBe(15);
    expect(muFromSquareMetres(66700)).toBe(100.05);
    expect(muFromSquareMetres(666.67)).toBe(1);
    expect(formatArea(28015.5)).toBe('28,015.5');
    expect(formatArea(9338)).toBe('9,338');
  });

  it('knows Zibo, says coordinates in words and links to a GCJ-02 map site', () => {
    expect(isInZibo({ latitude: 36.8131, longitude: 118.0548 })).toBe(true);
    expect(isInZibo({ latitude: 36.6512, longitude: 117.1201 })).toBe(false); // 济南
    expect(formatCoordinates({ latitude: 36.8131, longitude: 118.0548 })).toBe('北纬 36.8131°，东经 118.0548°');
    const url = mapSiteUrl({ latitude: 36.8131, longitude: 118.0548, name: '高新区某地块' });
    expect(url).toBe(`https://uri.amap.com/marker?position=118.054800,36.813100&name=${encodeURIComponent('高新区某地块')}&coord=gaode&callnative=0`);
  });

  it('makes one numbered marker per parcel and centres the map on them', () => {
    const parcels = [
      { latitude: 36.8, longitude: 118.0, name: 'A', code: 'ZBTD-1', statusLabel: '推介中' },
      { latitude: 37.2, longitude: 117.8, name: 'B', code: 'ZBTD-2', statusLabel: '已挂牌' },
    ];
    const markers = parcelMarkers(parcels);
    expect(markers.map((m) => m.id)).toEqual([0, 1]);
    expect(markers[1]).toMatchObject({ latitude: 37.2, longitude: 117.8, title: 'B', callout: { content: 'ZBTD-2 B（已挂牌）' } });
    expect(mapCentre(parcels)).toEqual({ latitude: 37, longitude: 117.9 });
    expect(mapCentre([])).toEqual({ latitude: 36.8131, longitude: 118.0548 });
  });
});

describe('showcase floating window', () => {
  const base = { elder: false, caseCount: 3, dismissedOn: '', today: '2026-02-10' };
  it('shows when there are cases, not in 长辈版, and not again on the day it was closed', () => {
    expect(showcaseFloatVisible(base)).toBe(true);
    expect(showcaseFloatVisible({ ...base, elder: true })).toBe(false);
    expect(showcaseFloatVisible({ ...base, caseCount: 0 })).toBe(false);
    expect(showcaseFloatVisible({ ...base, dismissedOn: '2026-02-10' })).toBe(false);
    expect(showcaseFloatVisible({ ...base, dismissedOn: '2026-02-09' })).toBe(true);
    expect(showcaseFloatVisible({ ...base, dismissedOn: { junk: true } })).toBe(true);
  });
});

describe('guide problems', () => {
  it('finds repeated steps, materials and attachments', () => {
    expect(guideProblems({ steps: ['a步骤', 'b步骤'], materials: ['营业执照'], attachments: [{ fileId: 'x' }] })).toEqual([]);
    expect(guideProblems({ steps: ['a步骤', ' a步骤 '], materials: ['营业执照', '营业执照'], attachments: [{ fileId: 'x' }, { fileId: 'x' }] }).map((p) => p.path)).toEqual(['steps.1', 'materials.1', 'attachments.1']);
  });
});
