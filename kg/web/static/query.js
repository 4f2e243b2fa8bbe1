// GovKG's query page: YASGUI (vendored, served by kg serve) on this endpoint, with the saved query library.
// Everything stays on this machine: no prefix.cc, no Linked Open Vocabularies look-ups, no other endpoints.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var endpoint = new URL("query", window.location.href).href;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function prefixLines(used) {
    return Object.keys(data.prefixes).filter(function (p) { return !used || used.indexOf(p) >= 0; })
      .map(function (p) { return "PREFIX " + p + ": <" + data.prefixes[p] + ">"; }).join("\n");
  }

  // The remote look-ups (prefix.cc for PREFIX lines, LOV for classes and properties) are left out: the
  // bundled prefix list and the query's own variables still complete.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.Yasqe.defaults.value = prefixLines(["kg", "rdfs"]) +
    "\n\n# 园区有哪些？ Which zones are there?\nSELECT ?zone ?label WHERE {\n  ?zone a kg:Zone ; rdfs:label ?label .\n}\nLIMIT 100\n";
  var yasgui = new Yasgui(document.getElementById("kg-yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    persistenceId: "govkg",
    populateFromUrl: false
  });
  window.kgQuery = { yasgui: yasgui, data: data, endpoint: endpoint };
  document.getElementById("kg-endpoint").textContent = "SPARQL 1.1: " + endpoint;
  document.getElementById("kg-prefixes").textContent = Object.keys(data.prefixes).map(function (p) {
    return p + ":";
  }).join(" ");
  document.getElementById("kg-saved-count").textContent = String(data.queries.length);

  function open(query, inputs, error) {
    var params = new URLSearchParams();
    inputs.forEach(function (input) { if (input.value.trim() !== "") params.append(input.name, input.value); });
    error.textContent = "";
    return fetch("saved/" + encodeURIComponent(query.name) + ".rq?" + params.toString())
      .then(function (response) {
        return response.text().then(function (text) {
          if (!response.ok) throw new Error(text.trim());
          return text;
        });
      })
      .then(function (text) {
        var tab = yasgui.addTab(true, { name: query.zh, yasqe: { value: text } });
        tab.show();
        tab.getYasqe().setValue(text);
        return tab;
      })
      .catch(function (err) { error.textContent = err.message; });
  }

  var list = document.getElementById("kg-saved-list");
  data.queries.forEach(function (query) {
    var item = el("li", "kg-query");
    item.dataset.name = query.name;
    item.appendChild(el("div", "kg-zh", query.zh));
    item.appendChild(el("div", "kg-en", query.en));
    var head = el("div");
    head.appendChild(el("code", null, query.name));
    head.appendChild(el("span", "kg-form", query.form));
    item.appendChild(head);
    var inputs = [];
    query.params.forEach(function (param) {
      var label = el("label", null, param.name + " — " + param.description);
      var input = el("input");
      input.name = param.name;
      input.placeholder = param.default;
      input.title = param.kind;
      label.appendChild(input);
      item.appendChild(label);
      inputs.push(input);
    });
    var button = el("button", "kg-open", "打开 Open");
    var error = el("div", "kg-error");
    button.addEventListener("click", function () { open(query, inputs, error); });
    item.appendChild(button);
    item.appendChild(error);
    list.appendChild(item);
  });
  var filter = document.getElementById("kg-saved-filter");
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(list.children, function (item) {
      var text = item.textContent.toLowerCase();
      item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  });
  window.kgQuery.open = function (name, values) {
    var item = list.querySelector('li[data-name="' + CSS.escape(name) + '"]');
    item.querySelectorAll("input").forEach(function (input) {
      if (values && values[input.name] !== undefined) input.value = values[input.name];
    });
    var query = data.queries.filter(function (q) { return q.name === name; })[0];
    return open(query, Array.prototype.slice.call(item.querySelectorAll("input")), item.querySelector(".kg-error"));
  };
})();
