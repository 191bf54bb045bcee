// Leaflet 1.x sets window.L itself; leaflet.markercluster extends that global, so it must load after leaflet.
// Everything that needs the clustering API imports L from here.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';

export { L };
