// actorgraph's HTML view: the actor network on a <canvas>, laid out with d3-force (d3 from Debian's
// node-d3, inlined before this script), with search, filters and the evidence of every link.
// Embedded into the library by cmake/embed.cmake and written by src/export/html_writer.cc.
//
// Data: <script type="application/json" id="actorgraph-data"> holds the node-link JSON of
// json_writer.h ({graph, nodes, edges}) plus "view": {search: {id: normalised key}, colors:
// {scheme: {id: "#rrggbb"}}, keys: {scheme: [legend lines]}, type_color: {type: "#rrggbb"}, color_by,
// labels} (html_writer.h). Node columns are read generically: `x`/`y` (fixed positions from the computed layout), `strength` (size, else
// `weighted_degree`).
//
// URL hash (for links and the browser test): #select=node:ID, #select=edge:ID|ID (clicks the node or
// the middle of the link on the canvas), #search=TEXT, #minweight=N.
'use strict';

// ---- Arabic-aware normalisation of the search query -------------------------------------------
// The same folds as src/text/normalize.cc (spec: shared/design/arabic-matching.md (a)):
// 1. delete U+FE70–FE7F; U+FDFC → ريال, U+FDFD → the basmala; 2. NFKC_Casefold, here NFKC + full
// lower-casing + the casefold-only mappings that matter (ß, ς, default ignorables);
// 3. delete harakat, tatweel, Quranic marks, bidi and zero-width controls; 4. fold alef forms → ا,
// ى → ي, ة → ه, Persian letters, Arabic-Indic digits (ؤ ئ ء are kept). Node keys are made by the
// C++ NormalizeString, so a query finds what the matcher would match.
const AG_FOLD = (() => {
  const map = new Map();
  const del = (lo, hi) => {
    for (let c = lo; c <= hi; ++c) map.set(c, -1);
  };
  del(0x064b, 0x065f);  // harakat, shadda, sukun, hamza/madda above and below
  del(0x0670, 0x0670);  // superscript alef
  del(0x0640, 0x0640);  // tatweel
  del(0x0610, 0x061a);  // Quranic annotation signs
  del(0x06d6, 0x06ed);  // Quranic small high/low signs
  del(0x0674, 0x0674);  // high hamza
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) map.set(c, 0x0627);
  map.set(0x0649, 0x064a);  // alef maksura → yeh
  map.set(0x0629, 0x0647);  // teh marbuta → heh
  map.set(0x06cc, 0x064a);  // Farsi yeh
  map.set(0x06a9, 0x0643);  // keheh
  map.set(0x06af, 0x0643);  // gaf
  map.set(0x067e, 0x0628);  // peh
  map.set(0x0686, 0x062c);  // tcheh
  map.set(0x06a4, 0x0641);  // veh
  for (let c = 0x06c0; c <= 0x06c2; ++c) map.set(c, 0x0647);
  for (let d = 0; d < 10; ++d) {
    map.set(0x0660 + d, 0x30 + d);
    map.set(0x06f0 + d, 0x30 + d);
  }
  del(0x200b, 0x200f);  // zero-width and directional marks
  del(0x202a, 0x202e);  // bidi embeddings and overrides
  del(0x2066, 0x2069);  // bidi isolates
  map.set(0xfeff, -1);
  // Default ignorables that NFKC_Casefold removes (Unicode DerivedNormalizationProps).
  for (const c of [0x00ad, 0x034f, 0x061c, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f]) map.set(c, -1);
  del(0x2060, 0x2064);
  return map;
})();

function agNormalize(s) {
  let pre = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c >= 0xfe70 && c <= 0xfe7f) continue;
    if (c === 0xfdfc) pre += 'ريال';
    else if (c === 0xfdfd) pre += 'بسم الله الرحمن الرحيم';
    else pre += ch;
  }
  const cased = pre.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ')
      .normalize('NFKC');
  let out = '';
  for (const ch of cased) {
    const c = ch.codePointAt(0);
    const f = AG_FOLD.has(c) ? AG_FOLD.get(c) : c;
    if (f >= 0) out += String.fromCodePoint(f);
  }
  return out;
}

if (typeof module !== 'undefined' && module.exports) module.exports = {agNormalize};

// ---- the view ----------------------------------------------------------------------------------
if (typeof document !== 'undefined') (function() {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('actorgraph-data').textContent);
  const view = data.view || {};
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'on') e.addEventListener('click', v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : String(c));
    return e;
  };
  const num = (v) => (typeof v === 'number' && isFinite(v) ? v : null);
  const fmt = (v) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

  // Nodes and links; columns read generically.
  const nodes = data.nodes.map((n, i) => Object.assign({}, n, {i, links: []}));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = data.edges.map((l, i) => Object.assign({}, l, {i, s: byId.get(l.source), t: byId.get(l.target)}));
  for (const l of links) {
    l.s.links.push(l);
    l.t.links.push(l);
  }
  const strength = (n) => num(n.strength) ?? num(n.weighted_degree) ?? n.links.reduce((a, l) => a + l.weight, 0);
  for (const n of nodes) {
    n.strength_ = strength(n);
    n.key = (view.search && view.search[n.id]) || agNormalize([n.label, n.label_en, n.id].join('\n'));
    // Canvas labels follow --labels: ar (default; English when there is no Arabic), en, or both.
    const ar = n.label || n.label_en || n.id, en = n.label_en || n.label || n.id;
    n.name = view.labels === 'en' ? en : view.labels === 'both' && ar !== en ? `${ar} · ${en}` : ar;
    n.rtl = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(n.name);
    n.links.sort((a, b) => b.weight - a.weight || (a.s === n ? a.t : a.s).id.localeCompare((b.s === n ? b.t : b.s).id));
  }
  const maxStrength = Math.max(1, ...nodes.map((n) => n.strength_));
  const weights = links.map((l) => l.weight);
  const maxWeight = Math.max(1, ...weights);
  const minWeightAll = weights.length ? Math.min(...weights) : 1;
  for (const n of nodes) n.r = 3 + 15 * Math.sqrt(n.strength_ / maxStrength);
  const partner = (l, n) => (l.s === n ? l.t : l.s);

  // Colours: the schemes of the GEXF/DOT writers (palette.h), per node id, with their legend keys.
  const typeColor = (t) => (view.type_color && view.type_color[t]) || '#a0a0a0';
  const hasCommunity = nodes.length > 0 && nodes.every((n) => num(n.community) !== null);
  const schemes = {};
  for (const [name, byId] of Object.entries(view.colors || {})) {
    if (name === 'community' && !hasCommunity) continue;
    schemes[name] = (n) => byId[n.id] || '#a0a0a0';
  }
  if (!schemes.type) schemes.type = (n) => typeColor(n.type);
  // --color-by chooses the scheme the page opens with; the menu offers the others.
  let colorBy = schemes[view.color_by] ? view.color_by : 'type';
  const colorSelect = $('color-by');
  for (const k of Object.keys(schemes)) colorSelect.append(el('option', {value: k}, k));
  colorSelect.value = colorBy;
  colorSelect.addEventListener('change', () => {
    colorBy = colorSelect.value;
    legend();
    draw();
  });

  // Filters: types and the minimum edge weight.
  const types = [...new Set(nodes.map((n) => n.type))].sort();
  const shownTypes = new Set(types);
  const typeBox = $('types');
  for (const t of types) {
    const box = el('input', {type: 'checkbox', value: t});
    box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) shownTypes.add(t);
      else shownTypes.delete(t);
      draw();
    });
    const count = nodes.filter((n) => n.type === t).length;
    typeBox.append(el('label', {class: 'type'}, box, el('span', {class: 'swatch', style: `background:${typeColor(t)}`}), ` ${t} (${count})`));
  }
  let minWeight = minWeightAll;
  const slider = $('min-weight');
  slider.min = String(minWeightAll);
  slider.max = String(Math.max(minWeightAll, maxWeight));
  slider.step = String(Number.isInteger(minWeightAll) && Number.isInteger(maxWeight) ? 1 : (maxWeight - minWeightAll) / 100 || 1);
  slider.value = String(minWeight);
  const setMinWeight = (w) => {
    minWeight = w;
    slider.value = String(w);
    $('min-weight-value').textContent = fmt(w);
    draw();
  };
  slider.addEventListener('input', () => setMinWeight(Number(slider.value)));
  $('min-weight-value').textContent = fmt(minWeight);
  const nodeShown = (n) => shownTypes.has(n.type);
  const linkShown = (l) => l.weight >= minWeight && nodeShown(l.s) && nodeShown(l.t);

  // The key: a swatch, a name (in the language of --labels) and the number of actors per colour.
  function keyName(e) {
    const ar = e.label || e.label_en, en = e.label_en || e.label;
    const name = view.labels === 'en' ? en : view.labels === 'both' && ar && en && ar !== en ? `${ar} · ${en}` : ar;
    if (e.kind === 'other') return `${name} (${e.categories})`;
    if (e.kind === 'none') return name;
    if (colorBy === 'community') return `community ${e.category}` + (name ? `: ${name}` : '');
    return name || e.category;
  }
  function legend() {
    const box = $('legend');
    box.textContent = '';
    const key = (view.keys && view.keys[colorBy]) || [];
    for (const e of key) box.append(el('div', {class: 'key'}, el('span', {class: 'swatch', style: `background:${e.color}`}), ` ${keyName(e)} (${e.actors})`));
    box.append(el('div', {class: 'muted'}, 'size: strength (sum of link weights)'));
  }
  legend();

  // Canvas, zoom and layout.
  const canvas = $('network');
  const ctx = canvas.getContext('2d');
  let width = 0, height = 0, transform = d3.zoomIdentity;
  function resize() {
    const box = canvas.parentElement.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    width = Math.max(200, box.width);
    height = Math.max(200, box.height);
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
  resize();

  const fixed = nodes.length > 0 && nodes.every((n) => num(n.x) !== null && num(n.y) !== null);
  let simulation = null;
  const started = performance.now();
  if (fixed) {
    // The computed layout, as it is (the view fits it to the window).
    for (const n of nodes) n.x = +n.x, n.y = +n.y;
  } else {
    simulation = d3.forceSimulation(nodes)
        .force('link', d3.forceLink(links.map((l) => ({source: l.s.i, target: l.t.i, w: l.weight})))
            .id((n) => n.i).distance((l) => 30 + l.source.r + l.target.r).strength((l) => Math.min(1, 0.2 + 0.8 * l.w / maxWeight)))
        .force('charge', d3.forceManyBody().strength((n) => -60 - 8 * n.r).distanceMax(800).theta(0.9))
        .force('x', d3.forceX(0).strength(0.04))
        .force('y', d3.forceY(0).strength(0.04))
        .force('collide', d3.forceCollide((n) => n.r + 2).iterations(1))
        .alphaDecay(nodes.length > 1000 ? 0.04 : 0.0228)
        .stop();
    runLayout();
  }

  // The layout runs in slices of at most ~30 ms (a redraw after each), so the page stays responsive
  // at thousands of nodes; timers rather than animation frames, so it also runs in a hidden tab.
  function runLayout() {
    const slice = () => {
      const t0 = performance.now();
      while (simulation.alpha() >= simulation.alphaMin() && performance.now() - t0 < 30) simulation.tick();
      if (!isSettled) fit();
      draw();
      if (simulation.alpha() >= simulation.alphaMin()) setTimeout(slice, 0);
      else settled();
    };
    setTimeout(slice, 0);
  }

  function fit() {
    if (!nodes.length) return;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.r), x1 = Math.max(x1, n.x + n.r);
      y0 = Math.min(y0, n.y - n.r), y1 = Math.max(y1, n.y + n.r);
    }
    const k = Math.min(4, 0.92 * Math.min(width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0)));
    const t = d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    d3.select(canvas).call(zoom.transform, t);
  }

  const zoom = d3.zoom().scaleExtent([0.02, 40]).on('zoom', () => {
    transform = d3.event ? d3.event.transform : d3.zoomTransform(canvas);
    scheduleDraw();
  });
  d3.select(canvas).call(zoom).on('dblclick.zoom', null);

  // Selection: a node or a link, and what is highlighted.
  let selected = null;  // {node} or {link}
  let hover = null;
  const highlighted = () => {
    if (!selected) return null;
    const set = new Set();
    if (selected.node) {
      set.add(selected.node);
      for (const l of selected.node.links) if (linkShown(l)) set.add(partner(l, selected.node));
    } else {
      set.add(selected.link.s);
      set.add(selected.link.t);
    }
    return set;
  };

  let pending = false;
  function scheduleDraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  }

  function draw() {
    const t0 = performance.now();
    const hi = highlighted();
    const k = transform.k;
    ctx.save();
    ctx.clearRect(0, 0, width, height);
    ctx.translate(transform.x, transform.y);
    ctx.scale(k, k);
    let drawnLinks = 0, drawnNodes = 0;
    ctx.lineCap = 'round';
    const linked = new Set();
    for (const l of links) {
      if (!linkShown(l)) continue;
      linked.add(l.s), linked.add(l.t);
      const on = selected && (selected.link === l || (selected.node && (l.s === selected.node || l.t === selected.node)));
      ctx.strokeStyle = on ? 'rgba(40,40,40,0.85)' : hi ? 'rgba(150,150,150,0.12)' : 'rgba(120,120,120,0.35)';
      ctx.lineWidth = (0.6 + 5 * Math.sqrt(l.weight / maxWeight)) * (on ? 1.6 : 1) / Math.sqrt(k);
      ctx.beginPath();
      ctx.moveTo(l.s.x, l.s.y);
      ctx.lineTo(l.t.x, l.t.y);
      ctx.stroke();
      ++drawnLinks;
    }
    const color = schemes[colorBy];
    const faded = minWeight > minWeightAll;
    for (const n of nodes) {
      if (!nodeShown(n)) continue;
      ctx.globalAlpha = (hi && !hi.has(n)) || (faded && !linked.has(n)) ? 0.2 : 1;
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
      ctx.fillStyle = color(n);
      ctx.fill();
      ctx.lineWidth = (selected && selected.node === n ? 3 : 1) / k;
      ctx.strokeStyle = selected && selected.node === n ? '#222' : '#fff';
      ctx.stroke();
      ++drawnNodes;
    }
    // Labels: the largest actors, everything big enough on screen, and the highlighted ones.
    ctx.globalAlpha = 1;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const fontPx = 12 / k;
    ctx.font = `${fontPx}px "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif`;
    ctx.lineWidth = 3 / k;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.fillStyle = '#222';
    for (const n of labelOrder) {
      if (!nodeShown(n)) continue;
      const big = n.rank < 40 || n.r * k > 9;
      if (hi ? !hi.has(n) : !big) continue;
      ctx.direction = n.rtl ? 'rtl' : 'ltr';
      ctx.strokeText(n.name, n.x, n.y + n.r + 2 / k);
      ctx.fillText(n.name, n.x, n.y + n.r + 2 / k);
    }
    ctx.restore();
    canvas.dataset.colorBy = colorBy;
    canvas.dataset.drawnNodes = String(drawnNodes);
    canvas.dataset.drawnLinks = String(drawnLinks);
    canvas.dataset.drawMs = (performance.now() - t0).toFixed(1);
  }
  const labelOrder = nodes.slice().sort((a, b) => b.strength_ - a.strength_ || a.id.localeCompare(b.id));
  labelOrder.forEach((n, r) => (n.rank = r));

  // Hit testing in graph coordinates.
  function nodeAt(px, py) {
    const [x, y] = transform.invert([px, py]);
    let best = null, bestD = Infinity;
    for (const n of nodes) {
      if (!nodeShown(n)) continue;
      const d = Math.hypot(n.x - x, n.y - y);
      if (d <= n.r + 3 / transform.k && d < bestD) best = n, bestD = d;
    }
    return best;
  }
  function linkAt(px, py) {
    const [x, y] = transform.invert([px, py]);
    let best = null, bestD = 6 / transform.k;
    for (const l of links) {
      if (!linkShown(l)) continue;
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y;
      const len2 = dx * dx + dy * dy || 1;
      const u = Math.max(0, Math.min(1, ((x - l.s.x) * dx + (y - l.s.y) * dy) / len2));
      const d = Math.hypot(l.s.x + u * dx - x, l.s.y + u * dy - y);
      if (d < bestD) best = l, bestD = d;
    }
    return best;
  }
  const pointer = (event) => {
    const box = canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  const tooltip = $('tooltip');
  canvas.addEventListener('mousemove', (event) => {
    const [px, py] = pointer(event);
    const n = nodeAt(px, py);
    const l = n ? null : linkAt(px, py);
    hover = n || l;
    canvas.style.cursor = hover ? 'pointer' : 'default';
    if (!hover) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = '';
    if (n) {
      tooltip.append(el('div', {class: 'en'}, n.label_en || n.id), el('div', {dir: 'rtl', class: 'ar'}, n.label || ''),
          el('div', {class: 'muted'}, `${n.type} · ${n.mentions} mentions · strength ${fmt(n.strength_)}`));
    } else {
      tooltip.append(el('div', {class: 'en'}, `${l.s.label_en || l.s.id} — ${l.t.label_en || l.t.id}`),
          el('div', {class: 'muted'}, `weight ${fmt(l.weight)} · ${l.documents} documents · click for evidence`));
    }
    tooltip.style.left = `${px + 14}px`;
    tooltip.style.top = `${py + 10}px`;
    tooltip.hidden = false;
  });
  canvas.addEventListener('mouseleave', () => (tooltip.hidden = true));
  canvas.addEventListener('click', (event) => {
    const [px, py] = pointer(event);
    const n = nodeAt(px, py);
    const l = n ? null : linkAt(px, py);
    if (n) selectNode(n);
    else if (l) selectLink(l);
    else clearSelection();
  });

  // The details panel.
  const panel = $('details');
  function actorName(n) {
    return el('span', {class: 'actor'}, el('bdi', {dir: 'rtl', class: 'ar'}, n.label || ''), ' ', el('span', {class: 'en'}, n.label_en || n.id));
  }
  function evidenceList(items) {
    const list = el('ol', {class: 'evidence'});
    for (const [e, l] of items) {
      const head = el('div', {class: 'where'}, el('span', {class: 'doc'}, e.doc), e.date ? el('span', {class: 'date'}, e.date) : '',
          el('span', {class: 'muted'}, `window ${e.window}, bytes ${e.start}–${e.end}`));
      if (l) head.append(el('span', {class: 'pair'}, `${l.s.label_en || l.s.id} — ${l.t.label_en || l.t.id}`));
      // The document's outlet, linked to its url (only http and https: the url comes from the corpus).
      if (e.source || e.url) {
        const text = e.source || e.url;
        head.append(/^https?:\/\//i.test(e.url || '') ? el('a', {class: 'source', href: e.url, target: '_blank', rel: 'noopener noreferrer'}, text) : el('span', {class: 'source'}, text));
      }
      list.append(el('li', {}, head, el('div', {class: 'snippet', dir: 'auto'}, e.snippet)));
    }
    return list;
  }
  function facts(pairs) {
    const dl = el('dl');
    for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== '') dl.append(el('dt', {}, k), el('dd', {}, String(v)));
    return dl;
  }
  function selectNode(n) {
    selected = {node: n};
    panel.textContent = '';
    panel.dataset.selected = 'node:' + n.id;
    const shown = n.links.filter(linkShown);
    panel.append(el('h2', {}, actorName(n)),
        facts([['id', n.id], ['type', n.type], ['mentions', n.mentions], ['documents', n.documents], ['strength', fmt(n.strength_)],
          ['first seen', n.first_seen], ['last seen', n.last_seen], ['sources', (n.sources || '').split('|').join(', ')], ['community', hasCommunity ? n.community : '']]),
        el('h3', {}, `Partners (${shown.length})`));
    const table = el('table', {class: 'partners'});
    for (const l of shown) {
      const p = partner(l, n);
      table.append(el('tr', {class: 'partner', 'data-id': p.id, on: () => selectLink(l)}, el('td', {}, actorName(p)), el('td', {class: 'num'}, fmt(l.weight))));
    }
    panel.append(table, el('h3', {}, 'Evidence'));
    const items = [];
    for (const l of shown) for (const e of l.evidence || []) if (items.length < 40) items.push([e, l]);
    panel.append(evidenceList(items));
    draw();
  }
  function selectLink(l) {
    selected = {link: l};
    panel.textContent = '';
    panel.dataset.selected = 'edge:' + l.source + '|' + l.target;
    panel.append(el('h2', {}, el('a', {href: '#', on: (e) => (e.preventDefault(), selectNode(l.s))}, actorName(l.s)), ' — ',
        el('a', {href: '#', on: (e) => (e.preventDefault(), selectNode(l.t))}, actorName(l.t))),
    facts([['weight', fmt(l.weight)], ['co-occurrences', l.cooc_count], ['documents', l.documents], ['first seen', l.first_seen], ['last seen', l.last_seen]]),
    el('h3', {}, `Evidence (${(l.evidence || []).length} of ${l.cooc_count ?? l.weight})`), evidenceList((l.evidence || []).map((e) => [e, null])));
    draw();
  }
  function clearSelection() {
    selected = null;
    delete panel.dataset.selected;
    panel.textContent = '';
    panel.append(el('p', {class: 'muted'}, 'Click an actor or a link to see its partners and the evidence.'));
    draw();
  }

  // Search: Arabic (normalised as the matcher does) and English.
  const search = $('search');
  const results = $('results');
  function runSearch() {
    const q = agNormalize(search.value.trim());
    results.textContent = '';
    if (!q) return;
    const hits = nodes.filter((n) => n.key.includes(q));
    hits.sort((a, b) => (b.key.startsWith(q) - a.key.startsWith(q)) || b.strength_ - a.strength_ || a.id.localeCompare(b.id));
    for (const n of hits.slice(0, 20)) {
      results.append(el('li', {'data-id': n.id, on: () => {
        selectNode(n);
        centre(n);
      }}, actorName(n)));
    }
    if (!hits.length) results.append(el('li', {class: 'muted'}, 'no actor found'));
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && results.firstChild && results.firstChild.dataset.id) results.firstChild.click();
  });
  function centre(n) {
    const k = Math.max(transform.k, 1.5);
    d3.select(canvas).call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-n.x, -n.y));
  }

  window.addEventListener('resize', () => {
    resize();
    draw();
  });
  $('relayout').addEventListener('click', () => {
    if (!simulation) {
      simulation = d3.forceSimulation(nodes).force('charge', d3.forceManyBody().strength(-80))
          .force('link', d3.forceLink(links.map((l) => ({source: l.s.i, target: l.t.i}))).id((n) => n.i).distance(40))
          .force('x', d3.forceX(0).strength(0.04)).force('y', d3.forceY(0).strength(0.04)).stop();
    }
    simulation.alpha(1);
    runLayout();
  });
  $('fit').addEventListener('click', fit);
  $('summary').textContent = `${nodes.length} actors · ${links.length} links · ${data.graph.documents} documents · window ${data.graph.window}`;

  // Once the layout has settled (or at once for a computed layout): fit, then act on the URL hash.
  let isSettled = false;
  function settled() {
    if (isSettled) return;
    isSettled = true;
    fit();
    draw();
    document.body.dataset.layout = fixed ? 'computed' : 'd3-force';
    document.body.dataset.layoutMs = (performance.now() - started).toFixed(0);
    applyHash();
    document.body.dataset.ready = 'true';
  }
  function applyHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.has('minweight')) setMinWeight(Number(params.get('minweight')));
    if (params.has('search')) {
      search.value = params.get('search');
      runSearch();
    }
    const sel = params.get('select');
    if (!sel) return;
    let at = null;
    if (sel.startsWith('node:') && byId.has(sel.slice(5))) {
      const n = byId.get(sel.slice(5));
      at = [n.x, n.y];
    } else if (sel.startsWith('edge:')) {
      const [a, b] = sel.slice(5).split('|');
      const l = links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
      if (!l) throw new Error(`#select: no such node or edge: ${sel}`);
      // A point of the link that the hit test gives to this link (not to a node or another link),
      // from the middle outwards; mouse events carry whole pixels, so candidates are rounded.
      const box = canvas.getBoundingClientRect();
      const clickable = () => {
        for (let i = 0; i <= 40; ++i) {
          const u = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.0225;
          const p = transform.apply([l.s.x + u * (l.t.x - l.s.x), l.s.y + u * (l.t.y - l.s.y)]);
          const px = Math.round(box.left + p[0]) - box.left, py = Math.round(box.top + p[1]) - box.top;
          if (!nodeAt(px, py) && linkAt(px, py) === l) return transform.invert([px, py]);
        }
        return null;
      };
      at = clickable();
      if (!at) {
        // As a reader would: zoom in until the link spans half the view, then click on it.
        const len = Math.hypot(l.t.x - l.s.x, l.t.y - l.s.y) || 1;
        const k = Math.max(transform.k, Math.min(40, 0.5 * Math.min(width, height) / len));
        const mx = (l.s.x + l.t.x) / 2, my = (l.s.y + l.t.y) / 2;
        d3.select(canvas).call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-mx, -my));
        at = clickable();
      }
      if (!at) throw new Error(`#select: link ${sel} is covered by other nodes and links everywhere`);
    }
    if (!at) throw new Error(`#select: no such node or edge: ${sel}`);
    const [px, py] = transform.apply(at);
    const box = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('click', {clientX: Math.round(box.left + px), clientY: Math.round(box.top + py), bubbles: true}));
  }

  clearSelection();
  if (fixed) settled();
  else if (nodes.length === 0) settled();
})();
