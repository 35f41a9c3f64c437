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
})();
