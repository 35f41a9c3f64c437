// Entraide: progressive enhancement only. Every flow works without this
// file; it moves focus to the error summary and lets people see the
// password they type.
(function () {
  "use strict";

  // After a refused form, start at the list of errors so that a screen
  // reader reads it and a keyboard user can jump to each field.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }

  // A "show" button beside each password field: typing a long passphrase
  // on a small phone keyboard is easier when you can read it.
  var fields = document.querySelectorAll("input[type=password][data-reveal-show]");
  Array.prototype.forEach.call(fields, function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link reveal";
    button.textContent = input.getAttribute("data-reveal-show");
    button.setAttribute("aria-controls", input.id);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var shown = input.type === "text";
      input.type = shown ? "password" : "text";
      button.textContent = input.getAttribute(shown ? "data-reveal-show" : "data-reveal-hide");
      button.setAttribute("aria-pressed", shown ? "false" : "true");
    });
    input.insertAdjacentElement("afterend", button);
  });

  // Put the password back to hidden before the form leaves, so that the
  // browser does not offer to remember it as plain text.
  Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.querySelectorAll("input[data-reveal-show]"), function (input) {
        input.type = "password";
      });
    });
  });

  // The search results' map: a plain plot of the missions of the page,
  // drawn from the list's data attributes. No tiles and no third party;
  // the list says everything the map shows.
  var map = document.querySelector("[data-map]");
  if (map) {
    drawMap(map);
  }

  function drawMap(box) {
    var points = [];
    Array.prototype.forEach.call(document.querySelectorAll("[data-results] [data-lat]"), function (item) {
      points.push({ lat: parseFloat(item.getAttribute("data-lat")), lon: parseFloat(item.getAttribute("data-lon")), title: item.getAttribute("data-title") });
    });
    var centre = null;
    if (box.hasAttribute("data-lat")) {
      centre = { lat: parseFloat(box.getAttribute("data-lat")), lon: parseFloat(box.getAttribute("data-lon")) };
    }
    var all = centre ? points.concat([centre]) : points;
    if (points.length === 0) {
      return;
    }
    var minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
    all.forEach(function (p) {
      minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
      minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
    });
    // Longitudes shrink with the latitude; a tiny spread still gets a frame.
    var k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
    var spanX = Math.max((maxLon - minLon) * k, 0.02), spanY = Math.max(maxLat - minLat, 0.02);
    var width = 400, pad = 20, scale = (width - 2 * pad) / Math.max(spanX, spanY);
    var height = Math.round(spanY * scale + 2 * pad);
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", box.getAttribute("data-label"));
    var x = function (p) { return pad + ((p.lon - minLon) * k + (spanX - (maxLon - minLon) * k) / 2) * scale; };
    var y = function (p) { return height - pad - ((p.lat - minLat) + (spanY - (maxLat - minLat)) / 2) * scale; };
    if (centre) {
      var square = document.createElementNS(ns, "rect");
      square.setAttribute("class", "centre");
      square.setAttribute("x", x(centre) - 6);
      square.setAttribute("y", y(centre) - 6);
      square.setAttribute("width", 12);
      square.setAttribute("height", 12);
      svg.appendChild(square);
    }
    points.forEach(function (p) {
      var dot = document.createElementNS(ns, "circle");
      dot.setAttribute("class", "dot");
      dot.setAttribute("cx", x(p));
      dot.setAttribute("cy", y(p));
      dot.setAttribute("r", 7);
      var title = document.createElementNS(ns, "title");
      title.textContent = p.title;
      dot.appendChild(title);
      svg.appendChild(dot);
    });
    var note = document.createElement("p");
    note.className = "small";
    note.textContent = box.getAttribute("data-note");
    box.appendChild(svg);
    box.appendChild(note);
    box.hidden = false;
  }
})();
