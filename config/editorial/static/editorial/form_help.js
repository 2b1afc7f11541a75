// The help of a long admin form (templates/admin/includes/form_help.html renders the summary and
// the jump list on the server; this script only adds what needs a browser):
// - after a failed save the focus moves to the error summary;
// - a link of the summary or the jump list opens what hides its target (a collapsed group, a
//   language tab: translation_tabs.js listens to "editorial:reveal"), scrolls it into view and
//   focuses the field;
// - long inline groups without errors start collapsed, each with a button to show its rows;
// - leaving the page with changes not saved asks first (not after Save, not when nothing changed).
"use strict";
(function () {
  const NARROW = window.matchMedia("(max-width: 1023px)");

  function changeForm() {
    return document.querySelector("#content-main form");
  }

  // The element a link names, or what stands for it when a widget replaced it (a filtered
  // multiple select renames its list "<id>_to"; autocomplete hides its select).
  function targetOf(id) {
    const element = document.getElementById(id) || document.getElementById(id + "_to");
    if (!element) return null;
    if (element.classList.contains("select2-hidden-accessible")) {
      const shown = element.parentElement.querySelector(".select2-selection");
      if (shown) return shown;
    }
    return element;
  }

  function setCollapsed(group, collapsed) {
    group.classList.toggle("is-collapsed", collapsed);
    const button = group.querySelector(".group-toggle");
    if (!button) return;
    const nav = document.querySelector(".form-sections");
    button.setAttribute("aria-expanded", String(!collapsed));
    button.textContent = collapsed ? nav.dataset.showRows : nav.dataset.hideRows;
  }

  function reveal(id) {
    const target = targetOf(id);
    if (!target) return;
    const group = target.closest(".inline-group.is-collapsed");
    if (group) setCollapsed(group, false);
    target.dispatchEvent(new CustomEvent("editorial:reveal", { bubbles: true }));
    const section = target.matches(".form-section, .inline-group");
    target.scrollIntoView({ block: section ? "start" : "center", inline: "nearest" });
    if (section) {
      if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
      target.focus({ preventScroll: true });
    } else if (target.matches("input, select, textarea, button, [tabindex]")) {
      target.focus({ preventScroll: true });
    } else {
      const field = target.querySelector("input:not([type=hidden]), select, textarea");
      if (field && field.offsetParent !== null) field.focus({ preventScroll: true });
    }
  }

  function followLinks(container) {
    container.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      if (!link) return;
      event.preventDefault();
      if (NARROW.matches) {
        const menu = link.closest("details");
        if (menu) menu.open = false;
      }
      reveal(decodeURIComponent(link.hash.slice(1)));
    });
  }

  function setUpCollapsibleGroups(nav) {
    for (const link of nav.querySelectorAll("a[data-rows]")) {
      const group = document.getElementById(link.hash.slice(1));
      const heading = group && group.querySelector(".inline-heading");
      if (!heading) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "group-toggle";
      button.setAttribute("aria-controls", group.id);
      button.addEventListener("click", () => setCollapsed(group, !group.classList.contains("is-collapsed")));
      heading.append(button);
      setCollapsed(group, link.hasAttribute("data-collapsed"));
    }
  }

  function setUpMenu(nav) {
    const menu = nav.querySelector("details");
    const fit = () => {
      menu.open = !NARROW.matches;
    };
    fit();
    NARROW.addEventListener("change", fit);
  }

  // What the form holds, to compare with what it held when the page was loaded.
  function snapshot(form) {
    const values = [];
    for (const [name, value] of new FormData(form)) {
      values.push([name, typeof value === "string" ? value : `${value.name}:${value.size}`]);
    }
    return JSON.stringify(values);
  }

  function setUpLeaveWarning(form) {
    // After a failed save nothing of the page is stored yet: leaving it loses what was typed.
    const unsavedOnLoad = Boolean(document.getElementById("error-summary"));
    let loaded = null;
    let submitting = false;
    window.addEventListener("load", () => {
      loaded = snapshot(form);
    });
    let latest = null;
    form.addEventListener("submit", (event) => {
      submitting = true;
      latest = event;
      // Another script may stop the submission; the warning then holds again — unless that script
      // submitted the form again since (session_ended.js, after checking the session).
      setTimeout(() => {
        if (event === latest && event.defaultPrevented) submitting = false;
      });
    });
    window.addEventListener("beforeunload", (event) => {
      // session_ended.js marks a form it sends to the login (its fields kept) or restored after it.
      if (submitting || loaded === null || form.dataset.leaving) return;
      if (unsavedOnLoad || form.dataset.restored || snapshot(form) !== loaded) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function setUp() {
    const form = changeForm();
    if (!form || !document.body.classList.contains("change-form")) return;
    const summary = document.getElementById("error-summary");
    const nav = document.querySelector(".form-sections");
    if (summary) followLinks(summary);
    if (nav) {
      followLinks(nav);
      setUpMenu(nav);
      setUpCollapsibleGroups(nav);
    }
    setUpLeaveWarning(form);
    if (summary) {
      // After the admin's own scripts, which focus the first field of a new record's form.
      window.addEventListener("load", () => summary.focus());
    }
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
