export interface LatLng {
  lat: number;
  lng: number;
}

export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface RegionProperties {
  code: string;
  name: string;
  nameKo: string | null;
  population: number | null;
}
export interface RegionFeature {
  type: 'Feature';
  id: string;
  geometry: AreaGeometry;
  properties: RegionProperties;
}
export interface RegionCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}
