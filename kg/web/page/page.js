/* GovKG page: builds the vis.js network from the embedded JSON and wires search, filters, focus and the panel.
   Every string from a document goes into the DOM with textContent only; vis.js draws labels on a canvas and
   shows string tooltips with innerText. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var GLYPH = { dot: "●", square: "■", diamond: "◆", triangle: "▲", star: "★", hexagon: "⬢",
                triangleDown: "▼", pentagon: "⬟" };
  /* shapes vis.js lacks, drawn as in-line SVG images so that they still scale with the number of mentions */
  var SVG_PATH = { pentagon: "M50,4 L96,38 L79,94 L21,94 L4,38 Z" };
  function svgImage(shape, fill, stroke) {
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="' + SVG_PATH[shape] +
      '" fill="' + fill + '" stroke="' + stroke + '" stroke-width="6"/></svg>';
    return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  }
  function styled(node, shape, fill, stroke) {
    if (SVG_PATH[shape]) { node.shape = "image"; node.image = svgImage(shape, fill, stroke); }
    return node;
  }
  var DIM_NODE = { background: "#eeeeee", border: "#dddddd" };
  var classOf = {}, relationOf = {};
  DATA.classes.forEach(function (c) { classOf[c.id] = c; });
  DATA.relations.forEach(function (r) { relationOf[r.id] = r; });
  var classOn = {}, relationOn = {};
  DATA.classes.forEach(function (c) { classOn[c.id] = true; });
  DATA.relations.forEach(function (r) { relationOn[r.id] = true; });
  var minMentions = 1;
  var state = { ready: false, selected: null, focus: null, stabilizedMs: null };
  var started = performance.now();

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* ---- vis.js data ---- */
  function nodeTooltip(n) {
    var c = classOf[n.cls];
    var lines = [c.zh + " " + n.cls + ": " + n.label];
    if (n.aliases.length) lines.push("别名 aliases: " + n.aliases.join("、"));
    lines.push("提及 mentions: " + n.mentions + "，连接 links: " + n.degree);
    if (n.indicators.length) lines.push("指标 indicators: " + n.indicators.length);
    return lines.join("\n");
  }
  function baseNode(n) {
    var c = classOf[n.cls];
    var hasInd = n.indicators.length > 0;
    return styled({
      id: n.id, label: n.label, shape: c.shape, size: n.size / 2,
      color: { background: c.color, border: c.color, highlight: { background: c.color, border: "#000000" } },
      borderWidth: 1, font: { color: "#222222" }, title: nodeTooltip(n),
      /* an entity that indicators are about wears a dark halo; the indicators are in its panel */
      shadow: hasInd ? { enabled: true, color: "rgba(0,0,0,0.75)", size: 9, x: 0, y: 0 } : false
    }, c.shape, c.color, c.color);
  }
  function restyle(x, dim) {  // the colour-related fields of a node, normal or dimmed
    var b = baseNode(x);
    if (!dim) return { id: x.id, color: b.color, font: b.font, image: b.image, shadow: b.shadow };
    var c = classOf[x.cls], d = { id: x.id, color: DIM_NODE, font: { color: "#cccccc" }, shadow: false };
    if (SVG_PATH[c.shape]) d.image = svgImage(c.shape, DIM_NODE.background, DIM_NODE.border);
    return d;
  }
  function baseEdge(e, k) {
    var r = relationOf[e.kind];
    if (!r.typed) {
      return { id: k, from: e.from, to: e.to, width: 0.5, dashes: [4, 4], arrows: { to: { enabled: false } },
               color: { color: r.color, highlight: "#777777", hover: "#777777", opacity: 0.6 }, title: r.zh + " co-mentioned",
               label: undefined };
    }
    var directed = e.kind !== "cooperatesWith";
    return { id: k, from: e.from, to: e.to, width: 2, label: r.zh, title: r.zh + " " + e.kind,
             arrows: { to: { enabled: directed, scaleFactor: 0.6 } }, color: { color: r.color, highlight: r.color, hover: r.color, opacity: 1 },
             font: { size: 11, color: r.color, strokeWidth: 3, align: "middle" }, dashes: false };
  }
  var nodes = new vis.DataSet(DATA.nodes.map(baseNode));
  var edges = new vis.DataSet(DATA.edges.map(baseEdge));
  var adjacency = DATA.nodes.map(function () { return []; });
  DATA.edges.forEach(function (e, k) { adjacency[e.from].push(k); adjacency[e.to].push(k); });

  /* ---- network ---- */
  var n = DATA.nodes.length, big = n > 300;
  /* enough iterations for a readable layout, few enough to settle in seconds (measured: benchmarks/bench_page.py) */
  var iterations = n > 1500 ? 80 : n > 600 ? 120 : n > 150 ? 150 : 300;
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodes, edges: edges }, {
    layout: { improvedLayout: n <= 150, randomSeed: 7 },
    nodes: { font: { size: 14, face: "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif" }, scaling: { label: false } },
    edges: { smooth: false, selectionWidth: 0.5 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 90, springConstant: 0.06,
                          avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: iterations, updateInterval: 50, fit: true },
      minVelocity: 1.0, timestep: 0.5
    },
    interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false,
                   keyboard: false, multiselect: false }
  });
  var progress = document.getElementById("kg-progress-value");
  network.on("stabilizationProgress", function (p) {
    progress.textContent = Math.round(100 * p.iterations / p.total) + "%";
  });
  function settled() {
    if (state.ready) return;
    network.setOptions({ physics: { enabled: false } });
    state.ready = true;
    state.stabilizedMs = Math.round(performance.now() - started);
    document.body.setAttribute("data-state", "stable");
  }
  network.once("stabilizationIterationsDone", settled);
  if (n === 0) settled();

  /* ---- filters ---- */
  function nodeVisible(d) { return classOn[d.cls] && d.mentions >= minMentions; }
  function applyFilters() {
    nodes.update(DATA.nodes.map(function (d) { return { id: d.id, hidden: !nodeVisible(d) }; }));
    edges.update(DATA.edges.map(function (e, k) {
      return { id: k, hidden: !relationOn[e.kind] || !nodeVisible(DATA.nodes[e.from]) || !nodeVisible(DATA.nodes[e.to]) };
    }));
    if (state.focus !== null) {  // keep the focus while its entity is shown; a filter that hides it ends it
      if (nodeVisible(DATA.nodes[state.focus])) focusNode(state.focus, false); else reset();
    }
  }
  function countBy(list, key) {
    var out = {};
    list.forEach(function (x) { out[x[key]] = (out[x[key]] || 0) + 1; });
    return out;
  }
  function legend() {
    var classCounts = countBy(DATA.nodes, "cls"), relCounts = countBy(DATA.edges, "kind");
    var ul = document.getElementById("kg-legend-classes");
    DATA.classes.forEach(function (c) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.setAttribute("data-class", c.id);
      box.addEventListener("change", function () { classOn[c.id] = box.checked; applyFilters(); });
      var glyph = el("span", GLYPH[c.shape] || "●", "kg-glyph"); glyph.style.color = c.color;
      label.append(box, glyph, el("span", c.zh + " " + c.id), el("span", classCounts[c.id] || 0, "kg-count"));
      li.appendChild(label); ul.appendChild(li);
    });
    var rl = document.getElementById("kg-legend-relations");
    DATA.relations.forEach(function (r) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.setAttribute("data-relation", r.id);
      box.addEventListener("change", function () { relationOn[r.id] = box.checked; applyFilters(); });
      var line = el("span", null, r.typed ? "kg-line" : "kg-line kg-related"); line.style.borderTopColor = r.color;
      label.append(box, line, el("span", r.zh + " " + r.id), el("span", relCounts[r.id] || 0, "kg-count"));
      li.appendChild(label); rl.appendChild(li);
    });
    document.getElementById("kg-min-mentions").addEventListener("change", function (ev) {
      minMentions = Math.max(1, parseInt(ev.target.value, 10) || 1); applyFilters();
    });
    var s = DATA.stats, text = "实体 entities " + s.shown + (s.shown < s.entities ? " / " + s.entities : "") +
      " · 边 edges " + s.edges + " · 指标 indicators " + s.indicators;
    if (s.shown < s.entities) text += " (kg viz --top/--min-mentions/--classes)";
    document.getElementById("kg-stats").textContent = text;
  }

  /* ---- focus ---- */
  function neighbourhood(id) {
    var keep = {}; keep[id] = true;
    var edgeKeep = {};
    adjacency[id].forEach(function (k) {
      var e = DATA.edges[k];
      if (!relationOn[e.kind]) return;
      var other = e.from === id ? e.to : e.from;
      if (!nodeVisible(DATA.nodes[other])) return;
      keep[other] = true; edgeKeep[k] = true;
    });
    return { nodes: keep, edges: edgeKeep };
  }
  function focusNode(id, move) {
    var d = DATA.nodes[id];
    if (!nodeVisible(d)) {  // a search may pick a filtered-out entity: show its class and threshold again
      classOn[d.cls] = true;
      var box = document.querySelector('input[data-class="' + d.cls + '"]'); if (box) box.checked = true;
      if (d.mentions < minMentions) { minMentions = 1; document.getElementById("kg-min-mentions").value = 1; }
      state.focus = null; applyFilters();
    }
    var hood = neighbourhood(id);
    state.focus = id; state.selected = id;
    nodes.update(DATA.nodes.map(function (x) { return restyle(x, !hood.nodes[x.id]); }));
    edges.update(DATA.edges.map(function (e, k) {
      var b = baseEdge(e, k);
      if (hood.edges[k]) return { id: k, color: b.color, font: b.font || {}, width: b.width };
      return { id: k, color: { color: "#e6e6e6", opacity: 0.3 }, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 },
               width: e.kind === "relatedTo" ? 0.3 : 1 };
    }));
    network.selectNodes([id]);
    if (move) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 250 } });
    document.body.setAttribute("data-focus", String(id));
    showNode(id);
  }
  function reset() {
    state.focus = null; state.selected = null;
    nodes.update(DATA.nodes.map(function (x) { return restyle(x, false); }));
    edges.update(DATA.edges.map(function (e, k) {
      var b = baseEdge(e, k); return { id: k, color: b.color, font: b.font || {}, width: b.width };
    }));
    network.unselectAll();
    document.body.removeAttribute("data-focus");
    var panel = document.getElementById("kg-panel"); clear(panel);
    panel.appendChild(el("p", "选择一个实体或关系 Select an entity or a relation.", "kg-hint"));
  }
  function focused() {
    if (state.focus === null) return null;
    return Object.keys(neighbourhood(state.focus).nodes).map(Number).sort(function (a, b) { return a - b; });
  }

  /* ---- side panel ---- */
  function sentenceItem(sid, marks) {
    var s = DATA.sentences[sid], sec = DATA.sections[s[1]];
    var li = el("li", null, "kg-sentence");
    var where = sec[0] || "（无标题 untitled section）";
    if (DATA.documents.length > 1) where = DATA.documents[sec[1]] + " · " + where;
    li.appendChild(el("span", where, "kg-section"));
    appendMarked(li, s[0], marks || []);
    return li;
  }
  function appendMarked(parent, text, marks) {
    var terms = marks.filter(function (m) { return m && text.indexOf(m) >= 0; })
      .sort(function (a, b) { return b.length - a.length; });
    var i = 0;
    while (i < text.length) {
      var best = -1, term = null;
      terms.forEach(function (t) {
        var at = text.indexOf(t, i);
        if (at >= 0 && (best < 0 || at < best)) { best = at; term = t; }
      });
      if (best < 0) { parent.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) parent.appendChild(document.createTextNode(text.slice(i, best)));
      parent.appendChild(el("mark", term));
      i = best + term.length;
    }
  }
  function entityLink(id) {
    var b = el("button", DATA.nodes[id].label, "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id, true); });
    return b;
  }
  function indicatorItem(ind, marks) {
    var li = el("li", null, "kg-sentence");
    li.appendChild(el("span", ind.metric || "指标"));
    li.appendChild(document.createTextNode("："));
    var value = (ind.qualifier ? ind.qualifier + " " : "") + (ind.direction === "decrease" ? "−" : "") +
      ind.value + " " + ind.unit;
    li.appendChild(el("span", value, "kg-ind-value"));
    if (ind.year) li.appendChild(el("span", ind.year, "kg-tag"));
    li.appendChild(el("span", ind.kind === "Target" ? "目标 target" : "实际 actual", "kg-tag"));
    if (ind.evidence !== null && ind.evidence !== undefined) {
      var ul = el("ul"); ul.appendChild(sentenceItem(ind.evidence, [ind.text].concat(marks)));
      li.appendChild(ul);
    }
    return li;
  }
  function shownOf(shown, total) {  // "12", or "100 / 4000" when kg viz --evidence kept only some
    return total > shown ? shown + " / " + total + "，kg viz --evidence 0 shows all" : String(shown);
  }
  function showNode(id) {
    var d = DATA.nodes[id], c = classOf[d.cls], panel = document.getElementById("kg-panel");
    clear(panel);
    panel.setAttribute("data-node", String(id));
    var head = el("div", null, "kg-class"), glyph = el("span", GLYPH[c.shape] || "●", "kg-glyph");
    glyph.style.color = c.color;
    head.append(glyph, el("span", c.zh + " " + d.cls, "kg-class-name"));
    panel.append(head, el("h2", d.label, "kg-label"));
    var dl = el("dl");
    function row(k, v, cls) { if (v === "" || v === null || v === undefined) return;
      dl.append(el("dt", k), el("dd", v, cls)); }
    row("别名 Aliases", d.aliases.join("、"), "kg-aliases");
    row("区划代码 Division code", d.code, "kg-code");
    row("提及 Mentions", d.mentions);
    row("连接 Links", d.degree);
    row("IRI", d.iri, "kg-iri");
    panel.appendChild(dl);
    var marks = [d.label].concat(d.aliases);
    if (d.indicators.length) {
      panel.appendChild(el("h3", "指标 Indicators (" + shownOf(d.indicators.length, d.indicatorsTotal) + ")"));
      var ul = el("ul", null, "kg-indicators");
      d.indicators.forEach(function (k) { ul.appendChild(indicatorItem(DATA.indicators[k], marks)); });
      panel.appendChild(ul);
    }
    var typed = adjacency[id].filter(function (k) { return DATA.edges[k].kind !== "relatedTo"; });
    if (typed.length) {
      panel.appendChild(el("h3", "关系 Relations (" + typed.length + ")"));
      var rl = el("ul", null, "kg-relations");
      typed.forEach(function (k) {
        var e = DATA.edges[k], r = relationOf[e.kind], li = el("li");
        li.append(entityLink(e.from), el("span", " —" + r.zh + " " + e.kind + "→ "), entityLink(e.to));
        if (e.evidence.length) {
          var ev = el("ul");
          e.evidence.forEach(function (sid) {
            ev.appendChild(sentenceItem(sid, [DATA.nodes[e.from].label, DATA.nodes[e.to].label]));
          });
          li.appendChild(ev);
        }
        rl.appendChild(li);
      });
      panel.appendChild(rl);
    }
    var co = adjacency[id].filter(function (k) { return DATA.edges[k].kind === "relatedTo"; });
    if (co.length) {
      panel.appendChild(el("h3", "共现 Co-mentioned with (" + co.length + ")"));
      var p = el("p", null, "kg-comentions");
      co.forEach(function (k, i) {
        var e = DATA.edges[k];
        if (i) p.appendChild(document.createTextNode("、"));
        p.appendChild(entityLink(e.from === id ? e.to : e.from));
      });
      panel.appendChild(p);
    }
    panel.appendChild(el("h3", "证据句 Evidence (" + shownOf(d.evidence.length, d.evidenceTotal) + ")"));
    var evl = el("ol", null, "kg-evidence");
    d.evidence.forEach(function (sid) { evl.appendChild(sentenceItem(sid, marks)); });
    panel.appendChild(evl);
  }
  function showEdge(k) {
    var e = DATA.edges[k], r = relationOf[e.kind], panel = document.getElementById("kg-panel");
    clear(panel);
    panel.removeAttribute("data-node");
    panel.appendChild(el("div", r.zh + " " + e.kind, "kg-class"));
    var h = el("h2"); h.append(entityLink(e.from), el("span", r.typed ? " → " : " — "), entityLink(e.to));
    panel.appendChild(h);
    var evidence = e.evidence, total = e.evidenceTotal;
    if (!r.typed) {  // co-mentions: the sentences naming both
      var other = {}; DATA.nodes[e.to].evidence.forEach(function (s) { other[s] = true; });
      evidence = DATA.nodes[e.from].evidence.filter(function (s) { return other[s]; });
      total = evidence.length;
    }
    panel.appendChild(el("h3", "证据句 Evidence (" + shownOf(evidence.length, total) + ")"));
    var ol = el("ol", null, "kg-evidence");
    var marks = [DATA.nodes[e.from].label, DATA.nodes[e.to].label];
    evidence.forEach(function (sid) { ol.appendChild(sentenceItem(sid, marks)); });
    panel.appendChild(ol);
  }
  network.on("click", function (params) {
    if (params.nodes.length) focusNode(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
    else reset();
  });

  /* ---- search ---- */
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().trim(); }
  var searchIndex = DATA.nodes.map(function (d) {
    return { id: d.id, names: [d.label].concat(d.aliases).map(norm) };
  });
  function search(query) {
    var q = norm(query);
    if (!q) return [];
    var scored = [];
    searchIndex.forEach(function (s) {
      var best = 9;
      s.names.forEach(function (name, i) {
        var score = name === q ? 0 : name.indexOf(q) === 0 ? 2 : name.indexOf(q) > 0 ? 4 : 9;
        if (score < 9 && i > 0) score += 1;  // an alias ranks after the label
        best = Math.min(best, score);
      });
      if (best < 9) scored.push([best, -DATA.nodes[s.id].mentions, s.id]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return scored.slice(0, 30).map(function (x) { return x[2]; });
  }
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  function showResults(ids) {
    clear(results);
    results.hidden = ids.length === 0 && !input.value;
    if (!ids.length && input.value) { results.hidden = false; results.appendChild(el("li", "无结果 no match")); return; }
    ids.forEach(function (id, i) {
      var d = DATA.nodes[id], li = el("li", null, i === 0 ? "active" : "");
      li.setAttribute("data-node", String(id));
      var glyph = el("span", GLYPH[classOf[d.cls].shape] || "●", "kg-glyph"); glyph.style.color = classOf[d.cls].color;
      li.append(glyph, el("span", d.label));
      if (d.aliases.length) li.appendChild(el("span", d.aliases.join("、"), "kg-alias"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(id); });
      results.appendChild(li);
    });
  }
  function pick(id) { results.hidden = true; focusNode(id, true); }
  input.addEventListener("input", function () { showResults(search(input.value)); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var ids = search(input.value); if (ids.length) pick(ids[0]); }
    else if (ev.key === "Escape") { results.hidden = true; }
  });
  input.addEventListener("blur", function () { results.hidden = true; });
  document.getElementById("kg-reset").addEventListener("click", function () {
    input.value = ""; results.hidden = true; reset();
  });

  legend();
  window.kgPage = { network: network, nodes: nodes, edges: edges, data: DATA, state: state, focus: focusNode,
                    reset: reset, focused: focused, search: search };
})();
