#!/usr/bin/env bash
# Reproduces fanzha-server/src/main/resources/static/geo/ from the npm package it comes from:
# echarts@4.9.0 (Apache-2.0), file map/json/province/shanxi1.json = 陕西省 by prefecture-level city
# (shanxi.json in the same folder is 山西省). Needs npm and node; run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest="$here/../../fanzha-server/src/main/resources/static/geo"
version=4.9.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "echarts@$version" >/dev/null && tar xzf "echarts-$version.tgz")
mkdir -p "$dest"
node "$here/decode.mjs" "$work/package/map/json/province/shanxi1.json" "$dest/shaanxi-cities.json" \
  "Shaanxi by prefecture-level city, from echarts@$version map/json/province/shanxi1.json (Apache-2.0, Copyright The Apache Software Foundation); changed: coordinates unpacked to plain GeoJSON by tools/geo/decode.mjs. See NOTICE.txt."
cp "$work/package/LICENSE" "$dest/LICENSE-echarts-$version.txt"
sha256sum "$work/echarts-$version.tgz" | sed "s|$work/||"
