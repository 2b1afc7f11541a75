// One tab per language for the translated fields of an admin form (English, Deutsch, 中文), in the
// main form and in its inline rows, stacked and tabular (a tabular row's column of another language
// is hidden with its header). modeltranslation marks each translated widget with the classes
// "mt mt-field-<field>-<lang>"; this script shows the fields of one language at a time, without
// jQuery UI or a CDN. A tab whose language holds an error says so, the page opens on a language with
// errors, and a field a link reveals ("editorial:reveal", form_help.js) switches to its language.
// A language whose fields are empty where another language has text is marked on its tab (and the
// mark follows what the editor types); config/editorial/translations.py says the same on the server.
"use strict";
(function () {
  // The admin's JavaScript catalogue (admin:jsi18n, which includes this package's djangojs strings).
  const gettext = typeof window.gettext === "function" ? window.gettext : (text) => text;

  function languageOf(widget) {
    for (const cls of widget.classList) {
      const match = /^mt-field-.+-([a-z]{2}(?:_[a-z]+)?)$/.exec(cls);
      if (match) return match[1];
    }
    return null;
  }

  // language -> the elements to hide for it: rows of the main form and of stacked inlines (or a
  // field's box, on a line shared with other fields), cells and headers of tabular inlines. Read
  // anew each time: "Add another" adds rows.
  function translatedParts(form) {
    const parts = new Map();
    const add = (language, element) => {
      if (!parts.has(language)) parts.set(language, new Set());
      parts.get(language).add(element);
    };
    for (const widget of form.querySelectorAll(".mt")) {
      const language = languageOf(widget);
      if (!language) continue;
      const cell = widget.closest(".tabular td");
      if (cell) {
        add(language, cell);
        const column = [...cell.classList].find((name) => name.startsWith("field-"));
        const header = column && cell.closest("table").querySelector(`thead th.column-${column.slice(6)}`);
        if (header) add(language, header);
        continue;
      }
      const row = widget.closest(".form-row");
      if (!row) continue;
      const box = widget.closest(".fieldBox");
      add(language, box && row.querySelectorAll(".fieldBox").length > 1 ? box : row);
    }
    return parts;
  }

  // The languages a field of the form lacks: it has text in another language but none in this one.
  // Rows no one has filled in (an inline's extra row) lack nothing.
  function missingLanguages(form) {
    const fields = new Map();
    for (const widget of form.querySelectorAll(".mt")) {
      const language = languageOf(widget);
      if (!language || !widget.name || widget.name.includes("__prefix__") || !("value" in widget)) continue;
      const key = widget.name.slice(0, -(language.length + 1));
      if (!fields.has(key)) fields.set(key, new Map());
      fields.get(key).set(language, widget.value.trim() !== "");
    }
    const missing = new Set();
    for (const filled of fields.values()) {
      if (![...filled.values()].some(Boolean)) continue;
      for (const [language, hasText] of filled) if (!hasText) missing.add(language);
    }
    return missing;
  }

  function hasErrors(element) {
    return element.classList.contains("errors") || Boolean(element.querySelector(".errorlist"));
  }

  function setUp() {
    const form = document.querySelector("#content-main form");
    if (!form) return;
    const initial = translatedParts(form);
    if (initial.size < 2) return;

    const bar = document.createElement("div");
    bar.className = "translation-tabs";
    bar.setAttribute("role", "tablist");
    bar.setAttribute("aria-label", gettext("Language of the translated fields"));
    const buttons = new Map();
    let current = null;
    const show = (chosen) => {
      current = chosen;
      for (const [language, elements] of translatedParts(form)) {
        for (const element of elements) element.hidden = language !== chosen;
        if (buttons.has(language)) {
          buttons.get(language).setAttribute("aria-selected", String(language === chosen));
        }
      }
    };
    for (const [language, elements] of initial) {
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "tab");
      const tag = language.replace("_", "-");
      let label = tag;
      try {
        label = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
      } catch (error) {
        // Keep the language code as the label.
      }
      button.textContent = label;
      button.dataset.language = language;
      if ([...elements].some(hasErrors)) button.classList.add("has-errors");
      button.addEventListener("click", () => show(language));
      buttons.set(language, button);
      bar.append(button);
    }
    // In the jump list of a long form, the tabs stay in reach while the form scrolls.
    const jumpList = document.querySelector(".form-sections");
    if (jumpList) {
      jumpList.append(bar);
    } else {
      const firstFieldset = form.querySelector("fieldset");
      (firstFieldset || form).before(bar);
    }
    const markMissing = () => {
      const missing = missingLanguages(form);
      for (const [language, button] of buttons) {
        const mark = button.querySelector(".missing-mark");
        if (missing.has(language) && !mark) {
          const added = document.createElement("span");
          added.className = "missing-mark";
          const dot = document.createElement("span");
          dot.setAttribute("aria-hidden", "true");
          dot.textContent = "●";
          const label = document.createElement("span");
          label.className = "visually-hidden";
          label.textContent = gettext("(translation missing)");
          added.append(dot, label);
          button.append(added);
          button.title = gettext("Some fields have no text in this language.");
        } else if (!missing.has(language) && mark) {
          mark.remove();
          button.removeAttribute("title");
        }
        // An attribute, not a class: the tab's classes say whether it holds an error.
        button.toggleAttribute("data-missing", missing.has(language));
      }
    };
    markMissing();
    form.addEventListener("input", markMissing);

    const withErrors = [...buttons.values()].find((button) => button.classList.contains("has-errors"));
    const first = initial.keys().next().value;
    show(withErrors && !buttons.get(first).classList.contains("has-errors") ? withErrors.dataset.language : first);

    // A field of another language that a link leads to is shown in its language.
    form.addEventListener("editorial:reveal", (event) => {
      for (const [language, elements] of translatedParts(form)) {
        if (language !== current && [...elements].some((element) => element.contains(event.target))) {
          show(language);
          return;
        }
      }
    });
    // Rows added later take the language shown.
    document.addEventListener("formset:added", () => show(current));
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
