/* kg graph viewer: draws the graph held in <script id="kg-data" type="application/json">
 * with vis-network, and renders evidence, filters, search and legend.
 * Every piece of data is rendered with textContent (never innerHTML), so article
 * text cannot inject markup or code. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var meta = data.meta;
  var SLUG = /^[A-Za-z0-9_-]+$/;
  var GLYPH = { dot: '\u25CF', diamond: '\u25C6', square: '\u25A0', triangle: '\u25B2', star: '\u2605' };

  var classStyle = {};
  meta.legend.classes.forEach(function (c) { classStyle[c.name] = c; });
  var quadInfo = {};
  meta.legend.quads.forEach(function (q) { quadInfo[q.key] = q; });
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var edgesOf = new Map();
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    [e.from, e.to].forEach(function (id) {
      if (!edgesOf.has(id)) edgesOf.set(id, []);
      edgesOf.get(id).push(e);
    });
  });

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function byId(id) { return document.getElementById(id); }
  function styleOf(type) { return classStyle[type] || { color: '#bbbbbb', shape: 'dot' }; }
  function entityHref(n) {
    return n.page && SLUG.test(n.page) ? meta.entityBase + n.page + '.html' : null;
  }

  // ---- vis data -------------------------------------------------------------
  var visNodes = new vis.DataSet(data.nodes.map(function (n) {
    var st = styleOf(n.type);
    var v = {
      id: n.id, label: n.label, shape: st.shape, size: n.size,
      color: { background: st.color, border: n.focus ? '#111111' : st.color,
               highlight: { background: st.color, border: '#000000' } },
      borderWidth: n.focus ? 4 : 1, font: { size: n.focus ? 20 : 14 }
    };
    if (typeof n.x === 'number') { v.x = n.x; v.y = n.y; }
    return v;
  }));
  var visEdges = new vis.DataSet(data.edges.map(function (e) {
    var color = (quadInfo[e.quad] || { color: '#888888' }).color;
    return {
      id: e.id, from: e.from, to: e.to, label: meta.edgeLabels ? e.relation : undefined,
      color: { color: color, highlight: color, hover: color },
      arrows: e.symmetric ? '' : 'to',
      width: 1 + Math.log2(1 + e.articles),
      smooth: e.curve ? { enabled: true, type: 'curvedCW', roundness: e.curve } : false
    };
  }));

  // ---- filters ----------------------------------------------------------------
  var state = { relations: new Set(), types: new Set(), minConf: 0, from: '', to: '' };
  var shownNodes = new Set(), shownEdges = new Set();

  function evidenceOk(ev) {
    if (ev.confidence !== null && ev.confidence < state.minConf) return false;
    if (state.from || state.to) {
      var d = (ev.date || ev.event_date || '').slice(0, 10);
      if (!d) return false;
      if (state.from && d < state.from) return false;
      if (state.to && d > state.to) return false;
    }
    return true;
  }
  function computeVisible() {
    shownEdges = new Set();
    shownNodes = new Set();
    data.edges.forEach(function (e) {
      if (!state.relations.has(e.relation)) return;
      if (!state.types.has(nodeById.get(e.from).type) || !state.types.has(nodeById.get(e.to).type)) return;
      if (!e.evidence.some(evidenceOk)) return;
      shownEdges.add(e.id);
      shownNodes.add(e.from);
      shownNodes.add(e.to);
    });
    data.nodes.forEach(function (n) {
      if (n.focus && state.types.has(n.type)) shownNodes.add(n.id);
    });
  }
  var nodeView = new vis.DataView(visNodes, { filter: function (n) { return shownNodes.has(n.id); } });
  var edgeView = new vis.DataView(visEdges, { filter: function (e) { return shownEdges.has(e.id); } });

  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    byId('kg-shown').textContent = shownNodes.size + ' of ' + data.nodes.length + ' entities, ' +
      shownEdges.size + ' of ' + data.edges.length + ' facts shown';
  }

  function checkbox(parent, value, text, count, set, swatch) {
    var lab = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = value;
    set.add(value);
    box.addEventListener('change', function () {
      if (box.checked) set.add(value); else set.delete(value);
      applyFilters();
    });
    lab.appendChild(box);
    if (swatch) lab.appendChild(swatch);
    lab.appendChild(document.createTextNode(' ' + text + ' '));
    lab.appendChild(el('span', count, 'kg-count'));
    parent.appendChild(lab);
    return box;
  }

  function buildFilters() {
    var relCount = {}, typeCount = {}, dates = [];
    data.edges.forEach(function (e) {
      relCount[e.relation] = (relCount[e.relation] || 0) + 1;
      e.evidence.forEach(function (ev) {
        var d = (ev.date || ev.event_date || '').slice(0, 10);
        if (d) dates.push(d);
      });
    });
    data.nodes.forEach(function (n) { typeCount[n.type] = (typeCount[n.type] || 0) + 1; });

    var rels = byId('kg-relations');
    meta.legend.quads.forEach(function (q) {
      var present = meta.legend.relations.filter(function (r) { return r.quad === q.key && relCount[r.name]; });
      if (!present.length) return;
      var fs = el('fieldset');
      var lg = el('legend');
      var line = el('span', null, 'kg-line');
      line.style.background = q.color;
      lg.appendChild(line);
      lg.appendChild(document.createTextNode(q.label));
      fs.appendChild(lg);
      present.forEach(function (r) { checkbox(fs, r.name, r.name, relCount[r.name], state.relations); });
      rels.appendChild(fs);
    });
    // relations the legend does not know (should not happen) stay visible
    Object.keys(relCount).forEach(function (r) { state.relations.add(r); });

    var types = byId('kg-types');
    meta.legend.classes.forEach(function (c) {
      if (!typeCount[c.name]) return;
      var sw = el('span', GLYPH[c.shape] || '\u25CF', 'kg-swatch');
      sw.style.color = c.color;
      checkbox(types, c.name, c.name, typeCount[c.name], state.types, sw);
    });
    Object.keys(typeCount).forEach(function (t) { if (!classStyle[t]) state.types.add(t); });

    var conf = byId('kg-minconf'), confOut = byId('kg-minconf-value');
    conf.addEventListener('input', function () {
      state.minConf = parseFloat(conf.value);
      confOut.textContent = state.minConf.toFixed(2);
      applyFilters();
    });
    var from = byId('kg-from'), to = byId('kg-to');
    if (dates.length) {
      dates.sort();
      from.min = to.min = dates[0];
      from.max = to.max = dates[dates.length - 1];
      byId('kg-dates-note').textContent = 'Articles from ' + dates[0] + ' to ' + dates[dates.length - 1] + '.';
    } else {
      from.disabled = to.disabled = true;
      byId('kg-dates-note').textContent = 'No dated articles in this graph.';
    }
    from.addEventListener('change', function () { state.from = from.value; applyFilters(); });
    to.addEventListener('change', function () { state.to = to.value; applyFilters(); });

    byId('kg-reset').addEventListener('click', function () {
      document.querySelectorAll('#kg-side input[type=checkbox]').forEach(function (b) {
        if (!b.checked) { b.checked = true; b.dispatchEvent(new Event('change')); }
      });
      conf.value = 0; conf.dispatchEvent(new Event('input'));
      from.value = ''; to.value = ''; state.from = ''; state.to = '';
      applyFilters();
    });
    byId('kg-fit').addEventListener('click', function () { network.fit({ animation: false }); });
  }

  function buildLegend() {
    var box = byId('kg-legend');
    meta.legend.classes.forEach(function (c) {
      var row = el('div');
      var sw = el('span', GLYPH[c.shape] || '\u25CF', 'kg-swatch');
      sw.style.color = c.color;
      row.appendChild(sw);
      row.appendChild(document.createTextNode(' ' + c.name));
      box.appendChild(row);
    });
    meta.legend.quads.forEach(function (q) {
      var row = el('div');
      var line = el('span', null, 'kg-line');
      line.style.background = q.color;
      row.appendChild(line);
      row.appendChild(document.createTextNode(q.label));
      box.appendChild(row);
    });
    box.appendChild(el('div', 'Node size: number of facts. Edge width: supporting articles.', 'kg-count'));
  }

  // ---- search -----------------------------------------------------------------
  function buildSearch() {
    var input = byId('kg-search'), list = byId('kg-names'), msg = byId('kg-search-msg');
    var names = new Map();
    data.nodes.forEach(function (n) {
      [n.label].concat(n.alt || []).forEach(function (name) {
        var k = name.toLowerCase();
        if (!names.has(k)) names.set(k, n.id);
      });
      var opt = el('option');
      opt.value = n.label;
      list.appendChild(opt);
    });
    function find(q) {
      q = q.trim().toLowerCase();
      if (!q) return null;
      if (names.has(q)) return names.get(q);
      var best = null;
      names.forEach(function (id, k) { if (best === null && k.indexOf(q) >= 0) best = id; });
      return best;
    }
    function go() {
      var id = find(input.value);
      if (id === null) { msg.textContent = 'No entity matches \u201c' + input.value + '\u201d.'; return; }
      msg.textContent = '';
      focusNode(id);
    }
    input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); go(); } });
    input.addEventListener('change', go);
  }

  function focusNode(id) {
    if (!shownNodes.has(id)) {
      byId('kg-search-msg').textContent = 'Hidden by the filters; showing its facts anyway.';
    } else {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNode(id);
  }

  // ---- evidence panel ---------------------------------------------------------------
  var panel = byId('kg-panel-body');
  function clearPanel() { while (panel.firstChild) panel.removeChild(panel.firstChild); }

  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    clearPanel();
    var s = nodeById.get(e.from), o = nodeById.get(e.to);
    var h = el('h3');
    h.appendChild(document.createTextNode(s.label + ' '));
    var rel = el('span', e.relation);
    rel.style.color = (quadInfo[e.quad] || {}).color || '#888';
    h.appendChild(rel);
    h.appendChild(document.createTextNode(' ' + o.label));
    h.setAttribute('data-kind', 'edge');
    panel.appendChild(h);
    panel.appendChild(el('p', (quadInfo[e.quad] || { label: e.quad }).label, 'kg-meta'));
    var n = e.articles;
    panel.appendChild(el('p', 'Supported by ' + n + (n === 1 ? ' article' : ' articles') + ', ' +
      e.evidence.length + (e.evidence.length === 1 ? ' statement' : ' statements') +
      (e.confidence !== null ? '; confidence ' + e.confidence.toFixed(2) +
        (n > 1 ? ' (the ' + n + ' articles combined)' : '') : '') + '.', 'kg-meta kg-support'));
    var ol = el('ol', null, 'kg-evidence');
    e.evidence.forEach(function (ev) {
      var li = el('li');
      li.appendChild(el('blockquote', ev.sentence, 'kg-sentence'));
      li.appendChild(el('div', ev.title ? ev.title : '(untitled article)', 'kg-meta kg-title'));
      var bits = ['article ' + ev.article];
      if (ev.date) bits.push('dated ' + ev.date);
      if (ev.event_date && ev.event_date !== ev.date) bits.push('event ' + ev.event_date);
      if (ev.confidence !== null) bits.push('confidence ' + ev.confidence.toFixed(2));
      if (ev.speaker) bits.push('said by ' + ev.speaker);
      if (ev.modality) bits.push(ev.modality);
      li.appendChild(el('div', bits.join(' \u00b7 '), 'kg-meta'));
      if (!evidenceOk(ev)) li.appendChild(el('div', '(outside the current filters)', 'kg-meta'));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  function showNode(id) {
    var n = nodeById.get(id);
    if (!n) return;
    clearPanel();
    var h = el('h3', n.label);
    h.setAttribute('data-kind', 'node');
    panel.appendChild(h);
    var st = styleOf(n.type);
    var t = el('p', null, 'kg-meta');
    var sw = el('span', GLYPH[st.shape] || '\u25CF', 'kg-swatch');
    sw.style.color = st.color;
    t.appendChild(sw);
    t.appendChild(document.createTextNode(' ' + (n.type || 'entity') + ' \u00b7 ' + n.facts +
      (n.facts === 1 ? ' fact' : ' facts') + ' \u00b7 mentioned in ' + n.articles +
      (n.articles === 1 ? ' article' : ' articles')));
    panel.appendChild(t);
    if (n.alt && n.alt.length) panel.appendChild(el('p', 'Also: ' + n.alt.join(', '), 'kg-meta'));
    var href = n.focus ? null : entityHref(n);
    if (href) {
      var a = el('a', 'Open the page of ' + n.label);
      a.setAttribute('href', href);
      var p = el('p');
      p.appendChild(a);
      panel.appendChild(p);
    }
    var facts = edgesOf.get(id) || [];
    if (facts.length) {
      panel.appendChild(el('h2', 'Facts'));
      var ul = el('ul');
      facts.forEach(function (e) {
        var li = el('li', nodeById.get(e.from).label + ' ' + e.relation + ' ' + nodeById.get(e.to).label +
          ' (' + e.articles + ')', 'kg-fact');
        li.addEventListener('click', function () { network.selectEdges([e.id]); showEdge(e.id); });
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  // ---- network ------------------------------------------------------------------------
  buildFilters();
  buildLegend();
  computeVisible();
  var options = meta.options;
  var network = new vis.Network(byId('kg-canvas'), { nodes: nodeView, edges: edgeView }, options);
  applyFilters();
  buildSearch();

  // Large graphs draw no edge labels (drawing 20,000 labels takes seconds); the clicked edge gets one.
  var labelled = null;
  function labelEdge(id) {
    if (meta.edgeLabels) return;
    if (labelled !== null && labelled !== id) visEdges.update({ id: labelled, label: '' });
    labelled = id;
    if (id !== null) visEdges.update({ id: id, label: edgeById.get(id).relation });
  }
  network.on('click', function (params) {
    if (params.nodes.length) { labelEdge(null); showNode(params.nodes[0]); }
    else if (params.edges.length) { labelEdge(params.edges[0]); showEdge(params.edges[0]); }
  });

  var viewer = window.kgViewer = {
    network: network, data: data, ready: false, stableMs: null,
    showEdge: showEdge, showNode: showNode, focusNode: focusNode,
    shown: function () { return { nodes: Array.from(shownNodes), edges: Array.from(shownEdges) }; }
  };
  function markReady() {
    if (viewer.ready) return;
    viewer.ready = true;
    viewer.stableMs = performance.now();
    byId('kg-status').textContent = '';
    document.body.setAttribute('data-ready', '1');
  }
  if (options.physics && options.physics.enabled) {
    byId('kg-status').textContent = 'Laying out\u2026';
    network.on('stabilizationProgress', function (p) {
      byId('kg-status').textContent = 'Laying out\u2026 ' + Math.round(100 * p.iterations / p.total) + '%';
    });
    network.once('stabilizationIterationsDone', function () {
      network.setOptions({ physics: { enabled: false } });
      if (meta.focus !== null && meta.focus !== undefined) network.selectNodes([meta.focus]);
      network.fit({ animation: false });
      network.once('afterDrawing', markReady);
      network.redraw();
    });
  } else {
    network.once('afterDrawing', markReady);
    network.redraw();
  }
  if (meta.focus !== null && meta.focus !== undefined) showNode(meta.focus);
})();
