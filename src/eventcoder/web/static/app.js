// The events page: a Leaflet map of events over world-atlas country outlines (no tiles), and a timeline of
// events per day by type. Every asset is served by eventcoder itself.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#7b1fa2",
  "Protests": "#1e88e5",
  "Riots": "#00897b",
  "Strategic developments": "#6d6d6d",
};

function colourOf(type) { return TYPE_COLOURS[type] || "#444"; }

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;  // text, never HTML: article values are shown as typed
  return node;
}

function popup(feature) {
  const p = feature.properties;
  const box = el("div", { class: "popup" });
  const link = el("a", { href: "/events/" + encodeURIComponent(feature.id), class: "popup-link" },
    p.event_type + " / " + p.sub_event_type);
  box.appendChild(link);
  const deaths = p.fatalities && p.fatalities.low !== null ? p.fatalities.low : "–";
  box.appendChild(el("div", {}, (p.location || "?") + " · " + (p.date_start || "undated") + " · deaths " + deaths));
  box.appendChild(el("div", {}, [p.actor1, p.actor2].filter(Boolean).join(" vs ")));
  return box;
}

async function drawMap() {
  const node = document.getElementById("map");
  if (!node || typeof L === "undefined" || typeof topojson === "undefined") return;
  node.textContent = "";
  const map = L.map(node, { worldCopyJump: true, minZoom: 1 }).setView([25, 20], 2);
  const world = await (await fetch("/vendor/countries-110m.json")).json();
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    style: { color: "#7a8a99", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const data = await (await fetch("/events.geojson?" + node.dataset.query)).json();
  const markers = [];
  const features = data.features.slice().sort((a, b) =>
    ((b.properties.fatalities || {}).best || 0) - ((a.properties.fatalities || {}).best || 0));
  for (const feature of features) {
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const toll = (feature.properties.fatalities && feature.properties.fatalities.best) || 0;
    const marker = L.circleMarker([lat, lon], {
      radius: 6 + 3 * Math.sqrt(toll),
      color: "#222", weight: 1, fillColor: colourOf(feature.properties.event_type), fillOpacity: 0.8,
      className: "event-marker",
    });
    marker.bindPopup(() => popup(feature));
    marker.addTo(map);
    marker.getElement().setAttribute("data-id", feature.id);
    markers.push(marker);
  }
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6 });
  node.dataset.markers = String(markers.length);
  const legend = document.getElementById("legend");
  if (legend) {
    legend.textContent = "";
    legend.appendChild(el("b", {}, "Marker colour: type; size: deaths"));
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      const row = el("div");
      const dot = el("span", { class: "swatch" });
      dot.style.background = colour;
      row.appendChild(dot);
      row.appendChild(document.createTextNode(type));
      legend.appendChild(row);
    }
  }
  const boxInput = document.querySelector('form.filters input[name="bbox"]');
  if (boxInput) {  // filter to what the map shows: west,south,east,north
    const button = el("button", { type: "button", id: "use-map-box" }, "Filter to the map view");
    button.addEventListener("click", () => {
      const b = map.getBounds();
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(3);
      boxInput.value = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(",");
      boxInput.form.submit();
    });
    (document.getElementById("legend") || node.parentElement).appendChild(button);
  }
}

async function drawTimeline() {
  const node = document.getElementById("timeline");
  if (!node) return;
  const data = await (await fetch("/timeline.json?" + node.dataset.query)).json();
  const days = data.days;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  const width = 1000, height = 150, pad = 24;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  node.textContent = "";
  node.appendChild(svg);
  if (!days.length) { node.appendChild(el("p", {}, "No dated events.")); return; }
  const toTime = (d) => Date.parse(d + "T00:00:00Z");
  const first = toTime(days[0].day), last = toTime(days[days.length - 1].day);
  const span = Math.max(1, (last - first) / 86400000 + 1);
  const perDay = {};
  for (const d of days) perDay[d.day] = (perDay[d.day] || 0) + d.count;
  const most = Math.max(...Object.values(perDay));
  const barWidth = Math.max(2, (width - 2 * pad) / span);
  const stacked = {};
  for (const d of days) {
    const x = pad + ((toTime(d.day) - first) / 86400000) * ((width - 2 * pad - barWidth) / Math.max(1, span - 1));
    const below = stacked[d.day] || 0;
    const h = (d.count / most) * (height - 2 * pad);
    const rect = document.createElementNS(svgNS, "rect");
    rect.setAttribute("x", x.toFixed(1));
    rect.setAttribute("y", (height - pad - below - h).toFixed(1));
    rect.setAttribute("width", barWidth.toFixed(1));
    rect.setAttribute("height", h.toFixed(1));
    rect.setAttribute("fill", colourOf(d.event_type));
    rect.setAttribute("class", "day-bar");
    const title = document.createElementNS(svgNS, "title");
    title.textContent = `${d.day}: ${d.count} × ${d.event_type}`;
    rect.appendChild(title);
    svg.appendChild(rect);
    stacked[d.day] = below + h;
  }
  for (const [text, x, anchor] of [[days[0].day, pad, "start"], [days[days.length - 1].day, width - pad, "end"]]) {
    const label = document.createElementNS(svgNS, "text");
    label.setAttribute("x", String(x));
    label.setAttribute("y", String(height - 6));
    label.setAttribute("text-anchor", anchor);
    label.setAttribute("font-size", "12");
    label.textContent = text;
    svg.appendChild(label);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  drawMap().catch((err) => { document.getElementById("map").textContent = "map failed: " + err; });
  drawTimeline().catch((err) => { document.getElementById("timeline").textContent = "timeline failed: " + err; });
});
