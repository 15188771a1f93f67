// aigov web app: small enhancements only; every page works without this file.
// After htmx swaps an assessment in, move keyboard focus to the next question (if any), so keyboard and
// screen-reader users continue where the form is; the aria-live region announces the new assessment.
document.addEventListener("htmx:afterSwap", function (e) {
  var next = e.detail.target && e.detail.target.querySelector("[data-autofocus]");
  if (next) { next.focus(); }
});
