// Turns an ECharts 4 map file (a GeoJSON FeatureCollection whose coordinates are packed as
// strings, "UTF8Encoding": true) into plain GeoJSON with numeric [longitude, latitude] pairs.
// Packing, as read from the file: each ring is a string plus an "encodeOffsets" start point;
// every two characters are one point, each character's code minus 64 is a zigzag-coded step
// from the previous point, and coordinates are in 1/1024 of a degree.
// usage: node decode.mjs IN.json OUT.json "note put into the output"
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, note] = process.argv.slice(2);
const src = JSON.parse(readFileSync(input, 'utf8'));

function unzigzag(n) {
  return (n >> 1) ^ -(n & 1);
}

function ring(packed, start) {
  const points = [];
  let x = start[0];
  let y = start[1];
  for (let i = 0; i + 1 < packed.length; i += 2) {
    x += unzigzag(packed.charCodeAt(i) - 64);
    y += unzigzag(packed.charCodeAt(i + 1) - 64);
    points.push([x / 1024, y / 1024]);
  }
  return points;
}

function geometry(g) {
  if (!src.UTF8Encoding) {
    return g;
  }
  const polygon = (rings, offsets) => rings.map((r, i) => ring(r, offsets[i]));
  if (g.type === 'Polygon') {
    return { type: g.type, coordinates: polygon(g.coordinates, g.encodeOffsets) };
  }
  if (g.type === 'MultiPolygon') {
    return { type: g.type, coordinates: g.coordinates.map((p, i) => polygon(p, g.encodeOffsets[i])) };
  }
  throw new Error('unexpected geometry ' + g.type);
}

const out = {
  type: 'FeatureCollection',
  note,
  features: src.features.map(f => ({
    type: 'Feature',
    id: f.id,
    properties: { name: f.properties.name, code: f.id, cp: f.properties.cp },
    geometry: geometry(f.geometry),
  })),
};
writeFileSync(output, JSON.stringify(out) + '\n');
console.log(output + ': ' + out.features.length + ' features: ' + out.features.map(f => f.properties.name).join(' '));
