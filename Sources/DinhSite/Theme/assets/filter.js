// Product filter: by OCOP group and stars, in the browser (the site has no server). The choice is
// kept in the address (#category=food&stars=4): a reload, a shared link or the back button keep it.
// Without JavaScript the form stays hidden and every product is listed.
(function () {
  var form = document.querySelector("form.filters"), list = document.getElementById("product-list");
  if (!form || !list) return;
  var status = document.querySelector(".filter-status"), reset = document.querySelector(".filter-reset");
  var names = ["category", "stars"];
  form.hidden = false;
  function apply(remember) {
    var shown = 0, items = list.children, query = [];
    names.forEach(function (n) { if (form.elements[n].value) query.push(n + "=" + encodeURIComponent(form.elements[n].value)); });
    for (var i = 0; i < items.length; i++) {
      var ok = names.every(function (n) { return !form.elements[n].value || items[i].getAttribute("data-" + n) === form.elements[n].value; });
      items[i].hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = shown ? status.getAttribute("data-count").replace("{shown}", shown).replace("{total}", items.length) : status.getAttribute("data-none");
    status.className = "filter-status" + (shown ? "" : " filter-none");
    reset.hidden = !!shown;
    if (remember) history.replaceState(null, "", location.pathname + location.search + (query.length ? "#" + query.join("&") : ""));
  }
  // From the address: #category=food&stars=4 (or ?category=…).
  (location.hash.slice(1) + "&" + location.search.slice(1)).split("&").forEach(function (pair) {
    var kv = pair.split("="), field = names.indexOf(kv[0]) >= 0 && form.elements[kv[0]];
    if (field) field.value = decodeURIComponent(kv[1] || "");
  });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  reset.querySelector("button").addEventListener("click", function () { form.reset(); apply(true); form.elements[0].focus(); });
  apply(false);
})();
