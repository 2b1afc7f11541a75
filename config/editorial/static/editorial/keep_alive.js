// While an editor types in an admin form, tell the server now and then that the session is in use:
// a staff session left idle for STAFF_SESSION_IDLE_SECONDS is signed out, and a long text written
// without a single request in between would otherwise be refused when it is saved.
// Only typing counts (an open, untouched tab still ends its session), at most once a minute: the
// server keeps the idle clock to the minute anyway (config/operations/security.py).
"use strict";
(function () {
  const INTERVAL_MS = 60 * 1000;
  let last = Date.now();

  function keepAliveUrl() {
    const home = document.querySelector("#site-name a");
    return home ? new URL("keep-alive/", home.href).href : null;
  }

  function ping() {
    const now = Date.now();
    if (now - last < INTERVAL_MS) return;
    last = now;
    const url = keepAliveUrl();
    if (url) fetch(url, { credentials: "same-origin", cache: "no-store" }).catch(() => {});
  }

  document.addEventListener("input", ping, { passive: true });
})();
