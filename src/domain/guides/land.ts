// Pure rules of 拟出让土地市场推介: area in 亩, coordinates (GCJ-02, as WeChat's map uses), the map's
// markers and the link to open a location on a map site. No Taro, no I/O.

/** 1 亩 = 10000/15 m² (≈ 666.67 m²). */
export const SQUARE_METRES_PER_MU = 10000 / 15;

/** Square metres → 亩, rounded to 0.01. */
export function muFromSquareMetres(squareMetres: number): number {
  return Math.round((squareMetres / SQUARE_METRES_PER_MU) * 100) / 100;
}

/** 33350.5 → "33,350.5". */
export function formatArea(squareMetres: number): string {
  const [whole, fraction] = String(Math.round(squareMetres * 100) / 100).split('.');
  return `${(whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** A rough box around Zibo (淄博市, incl. 高青县 in the north and 沂源县 in the south). */
export const ZIBO_BOUNDS = { south: 35.8, north: 37.4, west: 117.5, east: 118.9 } as const;

export function isInZibo({ latitude, longitude }: LatLng): boolean {
  return latitude >= ZIBO_BOUNDS.south && latitude <= ZIBO_BOUNDS.north && longitude >= ZIBO_BOUNDS.west && longitude <= ZIBO_BOUNDS.east;
}

/** "北纬 36.8131°，东经 118.0548°" (the text alternative to a map pin). */
export function formatCoordinates({ latitude, longitude }: LatLng): string {
  const lat = `${latitude >= 0 ? '北纬' : '南纬'} ${Math.abs(latitude).toFixed(4)}°`;
  const lng = `${longitude >= 0 ? '东经' : '西经'} ${Math.abs(longitude).toFixed(4)}°`;
  return `${lat}，${lng}`;
}

/**
 * A web link that shows the point on a map site (the H5 stand-in for wx.openLocation). AMap's URI
 * API takes GCJ-02 coordinates as they are (`coord=gaode`), so no conversion is needed.
 */
export function mapSiteUrl(point: LatLng & { name: string }): string {
  const position = `${point.longitude.toFixed(6)},${point.latitude.toFixed(6)}`;
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(point.name)}&coord=gaode&callnative=0`;
}

export interface MapMarker {
  /** WeChat's marker id must be a number; the index into the parcel list. */
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  width: number;
  height: number;
  /** Every field WeChat's callout takes (Taro's types require them all). */
  callout: { content: string; color: string; fontSize: number; anchorX: number; anchorY: number; borderRadius: number; borderWidth: number; borderColor: string; bgColor: string; padding: number; display: 'BYCLICK'; textAlign: 'left' };
}

/** One marker per parcel, in list order (marker id = list index). */
export function parcelMarkers(parcels: ReadonlyArray<LatLng & { name: string; code: string; statusLabel: string }>): MapMarker[] {
  return parcels.map((parcel, index) => ({
    id: index,
    latitude: parcel.latitude,
    longitude: parcel.longitude,
    title: parcel.name,
    width: 30,
    height: 40,
    callout: {
      content: `${parcel.code} ${parcel.name}（${parcel.statusLabel}）`,
      color: '#1f1f1f',
      fontSize: 14,
      anchorX: 0,
      anchorY: 0,
      borderRadius: 6,
      borderWidth: 1,
      borderColor: '#b71c1c',
      bgColor: '#ffffff',
      padding: 8,
      display: 'BYCLICK',
      textAlign: 'left',
    },
  }));
}

/** The map's centre: the middle of the parcels' bounding box (Zibo's centre when there are none). */
export function mapCentre(points: ReadonlyArray<LatLng>): LatLng {
  if (points.length === 0) return { latitude: 36.8131, longitude: 118.0548 };
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  return { latitude: (Math.min(...lats) + Math.max(...lats)) / 2, longitude: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
}
