// Place suggestions for the search form: as a person types in the place field, the best
// matching places (from GET /api/v1/places) are offered in a native <datalist>, which
// browsers and screen readers already know how to present. Without JavaScript the field
// is a plain text field that the server reads the same way.
(function () {
  "use strict";
  var input = document.querySelector("form.search-form input[name=near]");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.createElement("datalist");
  list.id = "place-suggestions";
  input.setAttribute("list", list.id);
  input.parentNode.appendChild(list);
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  function suggest() {
    var typed = input.value.trim();
    if (typed.length < 2 || typed === last) {
      return;
    }
    last = typed;
    fetch("/api/v1/places?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (body) {
        if (typed !== last) {
          return; // a newer request is on its way
        }
        while (list.firstChild) {
          list.removeChild(list.firstChild);
        }
        (body.items || []).forEach(function (p) {
          var option = document.createElement("option");
          // A value the place field resolves to this place alone: "Marseille 3e",
          // "Saint-Denis 93".
          var arr = / Arrondissement$/.test(p.name);
          option.value = arr ? p.name.replace(/ Arrondissement$/, "") : p.name + " " + p.department;
          option.label = p.name + " (" + p.postcode + ")";
          list.appendChild(option);
        });
      })
      .catch(function () {});
  }
})();
