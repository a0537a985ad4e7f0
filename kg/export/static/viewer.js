/* kg graph viewer. Every piece of graph text reaches the page through textContent or a
 * canvas label, never through innerHTML, so nothing from an article can run as code. */
"use strict";
// The vis.Network instance, global like in pages written by pyvis, for scripts and tests.
var network = null;
var kg = null;

(function () {
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const cfg = D.config;
  const N = D.nodes.length;
  const types = D.types;        // [{name, color, shape, dashes}]
  const relations = D.relations; // [name]
  const modalities = D.modalities;
  const articles = D.articles;   // [[iri, headline, date]]
  const evidence = D.evidence;   // [[sentence, article index, confidence, modality index]]

  // node columns: [id, type, label_en, label_ko, names, importance, x, y, dates]
  const nodeIndex = new Map();
  const norm = (s) => String(s).normalize("NFKC").toLowerCase().replace(/[\s\-_.·]+/g, "");
  const normNames = new Array(N);
  for (let i = 0; i < N; i++) {
    const n = D.nodes[i];
    nodeIndex.set(n[0], i);
    normNames[i] = Array.from(new Set(n[4].concat([n[2], n[3]]).map(norm)));
  }
  // edge columns: [source, target, relation, stated, [evidence indexes]]
  const adj = Array.from({ length: N }, () => []);
  D.edges.forEach((e, k) => {
    adj[e[0]].push(k);
    if (e[1] !== e[0]) adj[e[1]].push(k);
  });
  const amountsOf = new Map();
  D.amounts.forEach((a) => {
    if (!amountsOf.has(a[0])) amountsOf.set(a[0], []);
    amountsOf.get(a[0]).push(a);
  });

  const state = {
    lang: cfg.lang,
    revealed: new Set(),
    types: new Set(types.map((_, t) => t)),
    relations: new Set(relations.map((_, r) => r)),
    from: "",
    to: "",
  };
  const inEdges = new Set(); // edges currently in the DataSet

  const $ = (id) => document.getElementById(id);
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function item(child) {
    const li = document.createElement("li");
    li.append(child);
    return li;
  }
  const label = (i) => (state.lang === "ko" ? D.nodes[i][3] : D.nodes[i][2]);

  function datesOk(dates) {
    if (!state.from && !state.to) return true;
    for (const d of dates) {
      if (d && (!state.from || d >= state.from) && (!state.to || d <= state.to)) return true;
    }
    return false;
  }
  const edgeDates = (k) => D.edges[k][4].map((v) => articles[evidence[v][1]][2]);
  const nodeVisible = (i) => state.revealed.has(i) && state.types.has(D.nodes[i][1]) && datesOk(D.nodes[i][8]);
  const edgeVisible = (k) => {
    const e = D.edges[k];
    return state.relations.has(e[2]) && nodeVisible(e[0]) && nodeVisible(e[1]) && datesOk(edgeDates(k));
  };

  function visNode(i) {
    const n = D.nodes[i];
    const t = types[n[1]];
    const size = 8 + 26 * Math.sqrt(n[5]);
    const node = {
      id: i, label: label(i), x: n[6], y: n[7], shape: t.shape, size: size,
      color: { background: t.color, border: t.border, highlight: { background: t.color, border: "#000" } },
      font: { size: 11 + Math.round(8 * Math.sqrt(n[5])) },
      borderWidth: t.dashes ? 2 : 1,
      hidden: !nodeVisible(i),
    };
    if (t.dashes) node.shapeProperties = { borderDashes: [3, 2] };
    return node;
  }
  function visEdge(k) {
    const e = D.edges[k];
    return {
      id: k, from: e[0], to: e[1], label: relations[e[2]], arrows: "to",
      dashes: !e[3], width: 1 + Math.min(4, Math.log2(1 + e[4].length)),
      color: { color: e[3] ? "#8a94a6" : "#c9a46b", highlight: "#1456b8" },
      font: { size: 10, align: "middle", color: "#445" },
      hidden: !edgeVisible(k),
    };
  }

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();

  function reveal(list) {
    const fresh = [];
    for (const i of list) if (!state.revealed.has(i)) { state.revealed.add(i); fresh.push(i); }
    if (!fresh.length) return 0;
    nodes.add(fresh.map(visNode));
    const newEdges = [];
    for (const i of fresh) {
      for (const k of adj[i]) {
        const e = D.edges[k];
        if (!inEdges.has(k) && state.revealed.has(e[0]) && state.revealed.has(e[1])) {
          inEdges.add(k);
          newEdges.push(visEdge(k));
        }
      }
    }
    edges.add(newEdges);
    updateStats();
    return fresh.length;
  }

  function applyFilters() {
    nodes.update(Array.from(state.revealed, (i) => ({ id: i, hidden: !nodeVisible(i) })));
    edges.update(Array.from(inEdges, (k) => ({ id: k, hidden: !edgeVisible(k) })));
    updateStats();
  }

  function visibleCount() {
    let c = 0;
    for (const i of state.revealed) if (nodeVisible(i)) c++;
    return c;
  }
  function updateStats() {
    $("kg-stats").textContent = visibleCount() + " of " + N + " entities shown, " + D.edges.length + " relations in the graph";
  }

  function setLang(lang) {
    state.lang = lang === "ko" ? "ko" : "en";
    $("kg-lang-" + state.lang).checked = true;
    document.documentElement.lang = state.lang;
    nodes.update(Array.from(state.revealed, (i) => ({ id: i, label: label(i) })));
  }

  // ------------------------------------------------------------------ search
  function search(text, limit) {
    const q = norm(text || "");
    if (!q) return [];
    const exact = [], prefix = [], part = [];
    for (let i = 0; i < N; i++) {
      let best = 3;
      for (const name of normNames[i]) {
        if (name === q) { best = 0; break; }
        if (best > 1 && name.startsWith(q)) best = 1;
        else if (best > 2 && name.includes(q)) best = 2;
      }
      if (best === 0) exact.push(i); else if (best === 1) prefix.push(i); else if (best === 2) part.push(i);
    }
    // nodes are ordered by importance, so each bucket is too
    return exact.concat(prefix, part).slice(0, limit || 30);
  }

  function pick(i) {
    if (i < 0 || i >= N) return;
    const n = D.nodes[i];
    if (!state.types.has(n[1])) {
      state.types.add(n[1]);
      const box = $("kg-type-" + n[1]);
      if (box) box.checked = true;
    }
    if (!datesOk(n[8])) clearDates();
    reveal([i]);
    applyFilters();
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 0.8), animation: false });
    showNode(i);
  }

  function showResults() {
    const list = $("kg-results");
    list.replaceChildren();
    for (const i of search($("kg-search").value, 30)) {
      const b = el("button");
      b.type = "button";
      b.dataset.node = String(i);
      b.append(el("span", label(i)), el("span", types[D.nodes[i][1]].name, "kg-type"));
      b.addEventListener("click", () => pick(i));
      list.append(item(b));
    }
  }

  // ------------------------------------------------------------------ panel
  function nodeLink(i) {
    const b = el("button", D.nodes[i][2] === D.nodes[i][3] ? D.nodes[i][2] : D.nodes[i][2] + " / " + D.nodes[i][3], "kg-link");
    b.type = "button";
    b.addEventListener("click", () => pick(i));
    return b;
  }
  function evidenceBlock(v) {
    const ev = evidence[v];
    const art = articles[ev[1]];
    const box = el("div", null, "kg-ev");
    box.append(el("q", ev[0]));
    const meta = el("div", null, "kg-meta");
    meta.append(el("span", art[1] || "(no headline)", "kg-headline"), document.createTextNode(" · "));
    meta.append(el("span", art[2] || "undated", "kg-date"), document.createTextNode(" · "));
    meta.append(el("span", "confidence " + (ev[2] === null ? "?" : ev[2]), "kg-confidence"), document.createTextNode(" · "));
    const m = modalities[ev[3]];
    meta.append(el("span", m, "kg-modality kg-modality-" + m.replace(/[^a-z]/g, "")));
    box.append(meta);
    return box;
  }
  function factBlock(k, from) {
    const e = D.edges[k];
    const box = el("div", null, "kg-fact");
    const head = el("div");
    if (from === undefined || e[0] === from) {
      if (from === undefined) head.append(nodeLink(e[0]), document.createTextNode(" "));
      head.append(el("span", relations[e[2]] + " →", "kg-rel"), document.createTextNode(" "), nodeLink(e[1]));
    } else {
      head.append(nodeLink(e[0]), document.createTextNode(" "), el("span", relations[e[2]] + " → this", "kg-rel"));
    }
    if (!e[3]) head.append(el("span", " (not stated as fact)", "kg-meta"));
    box.append(head);
    if (!e[4].length) box.append(el("div", "no evidence sentence recorded", "kg-meta"));
    for (const v of e[4]) box.append(evidenceBlock(v));
    return box;
  }

  const MAX_PANEL_FACTS = 200;
  function showNode(i) {
    const n = D.nodes[i];
    const panel = $("kg-panel");
    panel.replaceChildren();
    panel.dataset.node = String(i);
    delete panel.dataset.edge;
    panel.append(el("h2", n[2] === n[3] ? n[2] : n[2] + " / " + n[3]));
    panel.append(el("div", types[n[1]].name + " · importance " + n[5], "kg-meta"));
    panel.append(el("div", n[0], "kg-meta"));
    if (n[4].length) panel.append(el("div", "Names: " + n[4].join(", "), "kg-meta kg-names"));
    const hidden = adj[i].filter((k) => {
      const e = D.edges[k];
      return !state.revealed.has(e[0] === i ? e[1] : e[0]);
    }).length;
    const expand = el("button", "Expand neighbours (" + hidden + " hidden)");
    expand.type = "button";
    expand.id = "kg-expand";
    expand.disabled = hidden === 0;
    expand.addEventListener("click", () => { expandNode(i); showNode(i); });
    panel.append(expand);
    const amounts = amountsOf.get(i) || [];
    if (amounts.length) {
      panel.append(el("h3", "Amounts"));
      for (const a of amounts) {
        const box = el("div", null, "kg-fact");
        box.append(el("span", relations[a[1]] + ": ", "kg-rel"), el("span", a[2] + " " + a[3]));
        for (const v of a[4]) box.append(evidenceBlock(v));
        panel.append(box);
      }
    }
    const facts = adj[i].slice().sort((a, b) => D.edges[a][2] - D.edges[b][2] || a - b);
    panel.append(el("h3", "Facts (" + facts.length + ")"));
    for (const k of facts.slice(0, MAX_PANEL_FACTS)) panel.append(factBlock(k, i));
    if (facts.length > MAX_PANEL_FACTS) panel.append(el("p", "… and " + (facts.length - MAX_PANEL_FACTS) + " more", "kg-meta"));
  }
  function showEdge(k) {
    const panel = $("kg-panel");
    panel.replaceChildren();
    panel.dataset.edge = String(k);
    delete panel.dataset.node;
    panel.append(el("h2", relations[D.edges[k][2]]));
    panel.append(factBlock(k));
  }

  function expandNode(i) {
    const around = [];
    for (const k of adj[i]) {
      const e = D.edges[k];
      around.push(e[0] === i ? e[1] : e[0]);
    }
    const added = reveal(around);
    applyFilters();
    return added;
  }

  // ------------------------------------------------------------------ controls
  function clearDates() {
    state.from = state.to = "";
    $("kg-date-from").value = "";
    $("kg-date-to").value = "";
  }
  function swatch(t) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "-8 -8 16 16");
    svg.setAttribute("class", "kg-swatch");
    const pts = {
      triangle: "0,-7 7,6 -7,6", triangleDown: "0,7 7,-6 -7,-6", diamond: "0,-7 7,0 0,7 -7,0",
      hexagon: "7,0 3.5,6 -3.5,6 -7,0 -3.5,-6 3.5,-6",
      star: "0,-7 2,-2.4 7,-2.2 3.2,1 4.4,6 0,3.2 -4.4,6 -3.2,1 -7,-2.2 -2,-2.4",
    }[t.shape];
    let shape;
    if (pts) { shape = document.createElementNS(ns, "polygon"); shape.setAttribute("points", pts); }
    else if (t.shape === "square") { shape = document.createElementNS(ns, "rect"); for (const [a, v] of [["x", -6], ["y", -6], ["width", 12], ["height", 12]]) shape.setAttribute(a, String(v)); }
    else { shape = document.createElementNS(ns, "circle"); shape.setAttribute("r", "6"); }
    shape.setAttribute("fill", t.color);
    shape.setAttribute("stroke", t.border);
    shape.setAttribute("stroke-width", t.dashes ? "2" : "1");
    if (t.dashes) shape.setAttribute("stroke-dasharray", "3 2");
    svg.append(shape);
    return svg;
  }
  function buildControls() {
    $("kg-title").textContent = D.title;
    const typeCount = types.map(() => 0);
    for (const n of D.nodes) typeCount[n[1]]++;
    const legend = $("kg-legend");
    types.forEach((t, idx) => {
      if (!typeCount[idx] && t.name === "Unknown") return;
      const lab = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "kg-type-" + idx;
      box.dataset.type = t.name;
      box.addEventListener("change", () => { box.checked ? state.types.add(idx) : state.types.delete(idx); applyFilters(); });
      lab.append(box, swatch(t), el("span", t.name), el("span", " " + typeCount[idx], "kg-count"));
      legend.append(item(lab));
    });
    const relCount = relations.map(() => 0);
    for (const e of D.edges) relCount[e[2]]++;
    const rels = $("kg-relations");
    relations.forEach((r, idx) => {
      if (!relCount[idx]) return;
      const lab = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "kg-rel-" + idx;
      box.dataset.relation = r;
      box.addEventListener("change", () => { box.checked ? state.relations.add(idx) : state.relations.delete(idx); applyFilters(); });
      lab.append(box, el("span", " " + r), el("span", " " + relCount[idx], "kg-count"));
      rels.append(item(lab));
    });
    const dates = articles.map((a) => a[2]).filter(Boolean).sort();
    for (const id of ["kg-date-from", "kg-date-to"]) {
      if (dates.length) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; }
      $(id).addEventListener("change", () => { state.from = $("kg-date-from").value; state.to = $("kg-date-to").value; applyFilters(); });
    }
    $("kg-date-clear").addEventListener("click", () => { clearDates(); applyFilters(); });
    $("kg-lang-" + state.lang).checked = true;
    for (const lang of ["en", "ko"]) $("kg-lang-" + lang).addEventListener("change", () => setLang(lang));
    const search = $("kg-search");
    search.addEventListener("input", showResults);
    search.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        const hits = kg.search(search.value, 1);
        if (hits.length) pick(hits[0]);
      }
    });
    $("kg-show-all").addEventListener("click", () => { reveal(Array.from({ length: N }, (_, i) => i)); applyFilters(); });
    $("kg-reset").addEventListener("click", firstView);
  }

  function firstView() {
    state.revealed.clear();
    inEdges.clear();
    nodes.clear();
    edges.clear();
    reveal(Array.from({ length: Math.min(N, cfg.initial) }, (_, i) => i));
    if (network) network.fit();
  }

  buildControls();
  firstView();
  const options = cfg.options;
  network = new vis.Network($("kg-canvas"), { nodes: nodes, edges: edges }, options);
  window.network = network;
  network.once("afterDrawing", () => { window.__kgDrawn = performance.now(); });
  if (options.physics && options.physics.enabled) {
    // physics only settles the first picture; afterwards nodes stay where they are put
    network.once("stabilizationIterationsDone", () => network.setOptions({ physics: { enabled: false } }));
  }
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", (p) => { if (p.nodes.length) { expandNode(p.nodes[0]); showNode(p.nodes[0]); } });

  kg = {
    search: search,
    pick: pick,
    reveal: (list) => { const n = reveal(list); applyFilters(); return n; },
    expand: expandNode,
    setLang: setLang,
    showNode: showNode,
    showEdge: showEdge,
    nodeIndex: (id) => (nodeIndex.has(id) ? nodeIndex.get(id) : -1),
    nodeId: (i) => D.nodes[i][0],
    names: (i) => [D.nodes[i][2], D.nodes[i][3]].concat(D.nodes[i][4]),
    visibleNodes: () => Array.from(state.revealed).filter(nodeVisible).sort((a, b) => a - b),
    visibleEdges: () => Array.from(inEdges).filter(edgeVisible).sort((a, b) => a - b),
    size: { nodes: N, edges: D.edges.length },
  };
  window.kg = kg;
  window.__kgReady = true;
})();
