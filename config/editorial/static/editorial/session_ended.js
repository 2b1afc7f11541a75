// A save whose session has ended (signed out in another tab, or idle too long) would send the editor
// to the login page and then to a blank form. Before a change form is sent, ask the keep-alive
// address whether the session is still there; if it is not, keep the form's fields in this tab's
// sessionStorage (never files or passwords), go to the login with `next` back to this page, and
// after the login put the fields back and say so, with a button that discards them.
"use strict";
(function () {
  const PREFIX = "atlas-unsaved:";
  const KEPT_FOR_MS = 24 * 60 * 60 * 1000;
  const SKIPPED_TYPES = new Set(["file", "password", "submit", "button", "reset", "image"]);
  const SKIPPED_NAMES = new Set(["csrfmiddlewaretoken"]);
  // The admin's JavaScript catalogue (admin:jsi18n, which includes this package's djangojs strings).
  const gettext = typeof window.gettext === "function" ? window.gettext : (text) => text;

  function adminHome() {
    const home = document.querySelector("#site-name a");
    return home ? home.href : null;
  }

  function changeForm() {
    return document.querySelector('#content-main form[method="post"][id$="_form"]');
  }

  function storageKey() {
    return PREFIX + location.pathname + location.search;
  }

  // Whether the session still opens the admin: the keep-alive answers 204, or redirects to the login.
  async function sessionAlive() {
    const home = adminHome();
    if (!home) return true;
    try {
      const response = await fetch(new URL("keep-alive/", home).href, {
        credentials: "same-origin",
        cache: "no-store",
        redirect: "manual",
      });
      // Only the login's redirect means the session is gone; any other answer (a database away,
      // say) is left to the save itself to show.
      return response.type !== "opaqueredirect";
    } catch (error) {
      return true; // the network, not the session: let the browser try the save itself
    }
  }

  function isFilteredTo(element) {
    return element.tagName === "SELECT" && element.multiple && element.id.endsWith("_to") &&
      element.classList.contains("filtered");
  }

  function fieldsOf(form) {
    const fields = [];
    for (const element of form.elements) {
      const name = element.name;
      if (!name || SKIPPED_NAMES.has(name) || SKIPPED_TYPES.has(element.type)) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        fields.push({ name, kind: "check", value: element.value, checked: element.checked });
      } else if (element.tagName === "SELECT") {
        // The chosen box of a filtered multiple select holds its choices without selecting them.
        const options = isFilteredTo(element) ? [...element.options] : [...element.selectedOptions];
        fields.push({
          name,
          kind: "select",
          options: options.map((option) => ({ value: option.value, text: option.text })),
        });
      } else {
        fields.push({ name, kind: "value", value: element.value });
      }
    }
    return fields;
  }

  function keep(form) {
    const entry = { savedAt: Date.now(), fields: fieldsOf(form) };
    try {
      sessionStorage.setItem(storageKey(), JSON.stringify(entry));
      return true;
    } catch (error) {
      return false; // storage full or refused: the login page says the save was not made
    }
  }

  // Rows the editor added with "Add another": add as many again before filling them in.
  function addRows(form, fields) {
    for (const field of fields) {
      if (field.kind !== "value" || !field.name.endsWith("-TOTAL_FORMS")) continue;
      const prefix = field.name.slice(0, -"-TOTAL_FORMS".length);
      const total = form.elements.namedItem(field.name);
      const add = document.querySelector(`#${CSS.escape(prefix)}-group .add-row a`);
      if (!total || !add) continue;
      for (let count = Number(total.value); count < Number(field.value); count += 1) add.click();
    }
  }

  function restoreFiltered(select, options) {
    const toId = select.id;
    const fromId = toId.replace(/_to$/, "_from");
    const box = window.SelectBox;
    if (!box || !box.cache || !box.cache[toId] || !box.cache[fromId]) return;
    for (const option of [...box.cache[toId]]) {
      box.delete_from_cache(toId, option.value);
      box.add_to_cache(fromId, option);
    }
    for (const option of options) {
      if (box.cache_contains(fromId, option.value)) box.delete_from_cache(fromId, option.value);
      box.add_to_cache(toId, { value: option.value, text: option.text, displayed: 1 });
    }
    box.redisplay(fromId);
    box.redisplay(toId);
  }

  function restoreSelect(select, options) {
    if (isFilteredTo(select)) {
      restoreFiltered(select, options);
      return;
    }
    const wanted = new Set(options.map((option) => option.value));
    for (const option of options) {
      if (![...select.options].some((existing) => existing.value === option.value)) {
        // An autocomplete menu holds only its chosen option: bring back the one chosen then.
        select.add(new Option(option.text, option.value));
      }
    }
    for (const option of select.options) option.selected = wanted.has(option.value);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function restore(form, fields) {
    addRows(form, fields);
    for (const field of fields) {
      const found = form.elements.namedItem(field.name);
      if (!found) continue;
      const elements = found instanceof RadioNodeList ? [...found] : [found];
      for (const element of elements) {
        if (SKIPPED_TYPES.has(element.type)) continue;
        if (field.kind === "check") {
          if (element.value === field.value) element.checked = field.checked;
        } else if (field.kind === "select" && element.tagName === "SELECT") {
          restoreSelect(element, field.options);
        } else if (field.kind === "value" && element.value !== field.value) {
          element.value = field.value;
          element.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }
  }

  function announce(form) {
    const list = document.createElement("ul");
    list.className = "messagelist unsaved-restored";
    const item = document.createElement("li");
    item.className = "warning";
    item.append(gettext("Your unsaved changes were restored; check them and save."), " ");
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button";
    discard.textContent = gettext("Discard them");
    discard.addEventListener("click", () => {
      sessionStorage.removeItem(storageKey());
      form.dataset.leaving = "1"; // discarding on purpose: no "leave this page?" (form_help.js)
      location.reload();
    });
    item.append(discard);
    list.append(item);
    form.before(list);
  }

  function restoreKept(form) {
    let entry = null;
    try {
      entry = JSON.parse(sessionStorage.getItem(storageKey()) || "null");
    } catch (error) {
      entry = null;
    }
    sessionStorage.removeItem(storageKey());
    if (!entry || !Array.isArray(entry.fields) || Date.now() - entry.savedAt > KEPT_FOR_MS) return;
    restore(form, entry.fields);
    // Restored values are stored nowhere else now: leaving the page warns (form_help.js).
    form.dataset.restored = "1";
    announce(form);
  }

  function guard(form) {
    if (!adminHome()) return; // a popup: no keep-alive address to ask
    let checked = false;
    let pending = false;
    form.addEventListener("submit", (event) => {
      if (checked) return;
      event.preventDefault();
      if (pending) return; // a second click while the session is being checked
      pending = true;
      const submitter = event.submitter;
      sessionAlive().then((alive) => {
        pending = false;
        if (alive) {
          // In a task of its own: a form ignores requestSubmit() while its submit event is still
          // being dispatched (an answer that came at once, as in a popup, would be dropped).
          setTimeout(() => {
            checked = true;
            if (submitter && submitter.form === form) form.requestSubmit(submitter);
            else form.requestSubmit();
            checked = false;
          });
          return;
        }
        const login = new URL("login/", adminHome());
        login.searchParams.set("next", location.pathname + location.search);
        if (keep(form)) login.searchParams.set("kept", "1");
        form.dataset.leaving = "1"; // the fields are kept: no "leave this page?" (form_help.js)
        location.assign(login.href);
      });
    });
  }

  // After the admin's own scripts (inline rows, autocomplete, filtered selects) have set up the page.
  window.addEventListener("load", () => {
    const form = changeForm();
    if (!form) return;
    restoreKept(form);
    guard(form);
  });
})();
