// Product filter: by OCOP group and stars, in the browser (the site has no server).
// Without JavaScript the form stays hidden and every product is listed.
(function () {
  var form = document.querySelector("form.filters"), list = document.getElementById("product-list");
  if (!form || !list) return;
  var status = document.querySelector(".filter-status");
  form.hidden = false;
  function apply() {
    var category = form.elements.category.value, stars = form.elements.stars.value, shown = 0;
    var items = list.children;
    for (var i = 0; i < items.length; i++) {
      var ok = (!category || items[i].dataset.category === category) && (!stars || items[i].dataset.stars === stars);
      items[i].hidden = !ok;
      if (ok) shown++;
    }
    if (status) status.textContent = shown + " / " + items.length;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
