// zone: fold Datasette's column glossary (a table with many described columns would fill the
// first screen with it) and a view's SQL definition into <details> that open on a click.
function zoneFold(element, className, label) {
  var details = document.createElement("details");
  details.className = className;
  var summary = document.createElement("summary");
  summary.textContent = label;
  element.parentNode.insertBefore(details, element);
  details.appendChild(summary);
  details.appendChild(element);
}
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
    zoneFold(dl, "zone-glossary", "What the columns mean (" + dl.querySelectorAll("dt").length + ")");
  });
  document.querySelectorAll("pre.wrapped-sql").forEach(function (pre) {
    zoneFold(pre, "zone-sql", "SQL that defines this view");
  });
});
