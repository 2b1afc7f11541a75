// The filter panel of a list (templates/includes/filter_panel.html) is a <details> drawer: closed on
// small screens, so that the results come first, and kept open beside the results on wide ones.
// Without this script the drawer still opens and closes by itself; the script holds no text.
(function () {
  "use strict";
  const wide = window.matchMedia("(min-width: 48.01rem)");

  function place() {
    for (const drawer of document.querySelectorAll("details.filter-drawer")) {
      drawer.open = wide.matches;
    }
  }

  wide.addEventListener("change", place);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", place);
  } else {
    place();
  }
})();
