// Copy buttons: <button data-copy="ID" data-copied="…" data-failed="…" hidden> copies the text of
// the element #ID. The button stays hidden where the clipboard cannot be written (no JavaScript, an
// insecure origin), so the page never offers what it cannot do. The messages come translated from
// the page; the status element that follows the button reads them out.
(function () {
  "use strict";
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.dataset.copy);
    if (!target) {
      return;
    }
    var status = button.nextElementSibling;
    function say(message) {
      if (status && status.getAttribute("role") === "status") {
        status.textContent = message || "";
      }
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.textContent.replace(/\s+/g, " ").trim();
      navigator.clipboard.writeText(text).then(
        function () { say(button.dataset.copied); },
        function () { say(button.dataset.failed); }
      );
    });
  });
})();
