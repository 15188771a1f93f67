// aigov web app: small enhancements only; every page works without this file.
// After htmx has swapped the questionnaire in and settled (htmx first puts focus back on the element with the id
// that had it), move keyboard focus to the next question's first control, so keyboard and screen-reader users
// continue where the form is; the role="status" region reads out what changed. The swap replaces the target
// element itself, so the new one is looked up in the document.
document.addEventListener("htmx:afterSettle", function () {
  var next = document.querySelector("#questionnaire [data-autofocus]");
  if (next) { next.focus(); }
});
