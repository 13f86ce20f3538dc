"use strict";
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var PAGE_P = 50, PAGE_N = 20, PAGE_R = 100;
  var pPage = 0, nPage = 0, rPage = 0;
  var actions = data.actions;
  var byArn = {};
  data.principals.forEach(function (p, i) { byArn[p.arn] = i; });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
  function range(page, size, total) {
    var from = page * size;
    return { from: from, to: Math.min(total, from + size) };
  }

  // A cell is "r@mask,r@mask": explanation r allowed the actions of the hex mask; every other action is denied.
  function decode(cell) {
    var out = new Array(actions.length).fill(-1);
    if (!cell) { return out; }
    cell.split(",").forEach(function (part) {
      var at = part.indexOf("@");
      var reason = parseInt(part.slice(0, at), 10), mask = parseInt(part.slice(at + 1), 16);
      for (var a = 0; a < actions.length; a++) { if (mask & (1 << a)) { out[a] = reason; } }
    });
    return out;
  }
  function allowedCount(cell) { return decode(cell).filter(function (r) { return r >= 0; }).length; }
  function level(count) {
    if (count === 0) { return "l0"; }
    var f = count / actions.length;
    return f <= 0.25 ? "l1" : f <= 0.5 ? "l2" : f < 1 ? "l3" : "l4";
  }
  function label(p) { return p.user ? p.user + " (" + p.arn + ")" : p.arn; }

  function pager(container, page, size, total, what, onPage) {
    clear(container);
    var r = range(page, size, total);
    var prev = el("button", { type: "button", "class": "pg", "aria-label": "previous " + what }, "‹");
    var next = el("button", { type: "button", "class": "pg", "aria-label": "next " + what }, "›");
    prev.disabled = page === 0;
    next.disabled = r.to >= total;
    prev.addEventListener("click", function () { onPage(page - 1); });
    next.addEventListener("click", function () { onPage(page + 1); });
    container.appendChild(prev);
    container.appendChild(el("span", { "class": "muted" }, what + " " + (total === 0 ? 0 : r.from + 1) + "–" + r.to + " of " + total));
    container.appendChild(next);
  }

  function renderHeat() {
    var table = clear(document.getElementById("heat"));
    var pr = range(pPage, PAGE_P, data.principals.length), nr = range(nPage, PAGE_N, data.namespaces.length);
    var head = el("thead"), hr = el("tr");
    hr.appendChild(el("th", { scope: "col" }, "principal"));
    for (var n = nr.from; n < nr.to; n++) { hr.appendChild(el("th", { scope: "col", "class": "ns" }, data.namespaces[n])); }
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    for (var i = pr.from; i < pr.to; i++) {
      var p = data.principals[i], tr = el("tr");
      var th = el("th", { scope: "row" });
      var a = el("a", { href: "#principal=" + encodeURIComponent(p.arn) }, p.user || p.arn);
      a.title = p.arn;
      th.appendChild(a);
      tr.appendChild(th);
      for (var m = nr.from; m < nr.to; m++) {
        var td = el("td"), count = p.user ? allowedCount(p.cells[m]) : -1;
        var b = el("button", {
          type: "button", "class": count < 0 ? "lx" : level(count),
          "data-arn": p.arn, "data-ns": data.namespaces[m], "data-p": String(i), "data-n": String(m),
          "data-allowed": String(Math.max(count, 0)),
          "aria-label": (p.user || p.arn) + " in " + data.namespaces[m] + ": " + (count < 0 ? "not mapped" : count + " of " + actions.length + " actions allowed")
        }, count < 0 ? "×" : count + "/" + actions.length);
        td.appendChild(b);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    pager(document.getElementById("heat-pp"), pPage, PAGE_P, data.principals.length, "principals", function (x) { pPage = x; renderHeat(); });
    pager(document.getElementById("heat-np"), nPage, PAGE_N, data.namespaces.length, "namespaces", function (x) { nPage = x; renderHeat(); });
  }

  function explainCell(i, n) {
    var p = data.principals[i], box = clear(document.getElementById("explain"));
    box.appendChild(el("h3", null, (p.user || p.arn) + " in namespace " + data.namespaces[n]));
    if (!p.user) { box.appendChild(el("p", null, p.chain.join(" → "))); return; }
    box.appendChild(el("p", { "class": "muted" }, p.chain.join(" → ")));
    var t = el("table", { "class": "explanation" }), hr = el("tr");
    ["action", "decision", "explanation"].forEach(function (h) { hr.appendChild(el("th", { scope: "col" }, h)); });
    var thead = el("thead");
    thead.appendChild(hr);
    t.appendChild(thead);
    var tb = el("tbody"), decoded = decode(p.cells[n]);
    actions.forEach(function (action, a) {
      var tr = el("tr");
      tr.appendChild(el("td", null, action));
      tr.appendChild(el("td", { "class": decoded[a] >= 0 ? "allow" : "deny" }, decoded[a] >= 0 ? "allowed" : "denied"));
      tr.appendChild(el("td", null, decoded[a] >= 0 ? data.reasons[decoded[a]] : data.denied));
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  function findingsFor(arn) {
    return data.risks ? data.risks.findings.filter(function (f) { return f.p.indexOf(arn) >= 0; }) : [];
  }

  function findingRow(f) {
    var tr = el("tr", { "class": "sev-" + f.sev });
    tr.appendChild(el("td", null, f.sev));
    tr.appendChild(el("td", null, f.id));
    tr.appendChild(el("td", null, f.ns || "*"));
    tr.appendChild(el("td", null, f.subject || "-"));
    var who = el("td");
    f.p.slice(0, 5).forEach(function (arn, k) {
      if (k > 0) { who.appendChild(document.createTextNode(", ")); }
      who.appendChild(el("a", { href: "#principal=" + encodeURIComponent(arn) }, arn));
    });
    if (f.p.length > 5) { who.appendChild(document.createTextNode(" (+" + (f.p.length - 5) + " more)")); }
    tr.appendChild(who);
    var what = el("td");
    what.appendChild(el("div", null, f.msg));
    var details = el("details"), summary = el("summary", null, "chain and fix");
    details.appendChild(summary);
    var ol = el("ol", { "class": "chain" });
    f.chain.forEach(function (c) { ol.appendChild(el("li", null, c)); });
    details.appendChild(ol);
    details.appendChild(el("p", null, "Fix: " + f.fix));
    what.appendChild(details);
    tr.appendChild(what);
    return tr;
  }

  function renderRisks() {
    var section = document.getElementById("risks");
    if (!data.risks) { return; }
    var sev = document.getElementById("f-sev").value, id = document.getElementById("f-id").value;
    var text = document.getElementById("f-text").value.toLowerCase(), sys = document.getElementById("f-sys").checked;
    var order = { low: 0, medium: 1, high: 2, critical: 3 };
    var rows = data.risks.findings.filter(function (f) {
      return order[f.sev] >= order[sev] && (!id || f.id === id) && (sys || !f.sys) &&
        (!text || (f.subject + " " + f.ns + " " + f.p.join(" ") + " " + f.msg).toLowerCase().indexOf(text) >= 0);
    });
    if (rPage * PAGE_R >= rows.length) { rPage = 0; }
    var tbody = clear(section.querySelector("tbody")), r = range(rPage, PAGE_R, rows.length);
    for (var i = r.from; i < r.to; i++) { tbody.appendChild(findingRow(rows[i])); }
    pager(document.getElementById("risk-pager"), rPage, PAGE_R, rows.length, "findings", function (x) { rPage = x; renderRisks(); });
  }

  function renderPrincipal(arn) {
    var section = document.getElementById("principal"), i = byArn[arn];
    if (i === undefined) { section.hidden = true; return; }
    var p = data.principals[i];
    clear(section);
    section.hidden = false;
    section.appendChild(el("h2", { id: "principal-title" }, "Principal " + label(p)));
    section.appendChild(el("h3", null, "Chain from IAM"));
    var ol = el("ol", { "class": "chain" });
    p.chain.forEach(function (c) { ol.appendChild(el("li", null, c)); });
    section.appendChild(ol);
    if (data.hasAudit) {
      section.appendChild(el("p", null, "Audit log: " + (p.audit || 0) + " request(s) seen."));
    }
    section.appendChild(el("h3", null, "What it may do, per namespace"));
    var t = el("table"), hr = el("tr"), thead = el("thead");
    ["namespace", "allowed actions"].forEach(function (h) { hr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(hr);
    t.appendChild(thead);
    var tb = el("tbody");
    data.namespaces.forEach(function (ns, n) {
      var decoded = decode(p.cells[n]), allowed = actions.filter(function (_, a) { return decoded[a] >= 0; });
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, ns));
      tr.appendChild(el("td", null, allowed.length === 0 ? "nothing" : allowed.length === actions.length ? "all " + actions.length + " common actions" : allowed.join(", ")));
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    section.appendChild(t);
    section.appendChild(el("h3", null, "Its risks"));
    var risks = findingsFor(p.arn);
    if (!data.risks) { section.appendChild(el("p", { "class": "muted" }, "Risks are not part of this view (run eksaccess report).")); }
    else if (risks.length === 0) { section.appendChild(el("p", null, "No findings.")); }
    else {
      var rt = el("table"), rh = el("tr"), rthead = el("thead"), rtb = el("tbody");
      ["severity", "rule", "namespace", "subject", "IAM principals", "finding"].forEach(function (h) { rh.appendChild(el("th", { scope: "col" }, h)); });
      rthead.appendChild(rh);
      rt.appendChild(rthead);
      risks.forEach(function (f) { rtb.appendChild(findingRow(f)); });
      rt.appendChild(rtb);
      section.appendChild(rt);
    }
  }

  function search() {
    var q = document.getElementById("search").value.toLowerCase(), list = clear(document.getElementById("search-results"));
    if (!q) { return; }
    var hits = data.principals.filter(function (p) {
      return p.arn.toLowerCase().indexOf(q) >= 0 || (p.user || "").toLowerCase().indexOf(q) >= 0;
    });
    hits.slice(0, 50).forEach(function (p) {
      var li = el("li");
      li.appendChild(el("a", { href: "#principal=" + encodeURIComponent(p.arn) }, label(p)));
      list.appendChild(li);
    });
    if (hits.length > 50) { list.appendChild(el("li", { "class": "muted" }, (hits.length - 50) + " more: refine the search")); }
    if (hits.length === 0) { list.appendChild(el("li", { "class": "muted" }, "no principal matches")); }
  }

  function route() {
    var m = /^#principal=(.*)$/.exec(location.hash);
    renderPrincipal(m ? decodeURIComponent(m[1]) : "");
    if (m) { document.getElementById("principal").scrollIntoView(); }
  }

  document.getElementById("heat").addEventListener("click", function (e) {
    var b = e.target.closest("button[data-p]");
    if (b) { explainCell(parseInt(b.getAttribute("data-p"), 10), parseInt(b.getAttribute("data-n"), 10)); }
  });
  document.getElementById("search").addEventListener("input", search);
  if (data.risks) {
    var ids = {};
    data.risks.findings.forEach(function (f) { ids[f.id] = true; });
    var select = document.getElementById("f-id");
    Object.keys(ids).sort().forEach(function (id) { select.appendChild(el("option", { value: id }, id)); });
    ["f-sev", "f-id", "f-text", "f-sys"].forEach(function (id) {
      document.getElementById(id).addEventListener(id === "f-text" ? "input" : "change", function () { rPage = 0; renderRisks(); });
    });
  }
  window.addEventListener("hashchange", route);
  renderHeat();
  renderRisks();
  route();
}());
