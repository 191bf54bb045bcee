// One import of Leaflet and its stylesheet for every map of the console.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export { L };
