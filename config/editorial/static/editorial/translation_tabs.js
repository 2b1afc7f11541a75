// One tab per language for the translated fields of an admin form (English, Deutsch, 中文).
// modeltranslation marks each translated widget with the classes "mt mt-field-<field>-<lang>";
// this script shows the rows of one language at a time, without jQuery UI or a CDN.
"use strict";
(function () {
  function languageOf(widget) {
    for (const cls of widget.classList) {
      const match = /^mt-field-.+-([a-z]{2}(?:_[a-z]+)?)$/.exec(cls);
      if (match) return match[1];
    }
    return null;
  }

  function setUp() {
    const form = document.querySelector("#content-main form");
    if (!form) return;
    const rows = new Map(); // language -> rows of the main form (inlines keep all languages)
    for (const widget of form.querySelectorAll(".mt")) {
      if (widget.closest(".inline-group")) continue;
      const language = languageOf(widget);
      const row = widget.closest(".form-row");
      if (!language || !row) continue;
      if (!rows.has(language)) rows.set(language, new Set());
      rows.get(language).add(row);
    }
    if (rows.size < 2) return;

    const bar = document.createElement("div");
    bar.className = "translation-tabs";
    bar.setAttribute("role", "tablist");
    bar.setAttribute("aria-label", "Language of the translated fields");
    const buttons = new Map();
    const show = (chosen) => {
      for (const [language, languageRows] of rows) {
        for (const row of languageRows) row.hidden = language !== chosen;
        buttons.get(language).setAttribute("aria-selected", String(language === chosen));
      }
    };
    for (const [language, languageRows] of rows) {
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
      if ([...languageRows].some((row) => row.classList.contains("errors"))) {
        button.classList.add("has-errors");
      }
      button.addEventListener("click", () => show(language));
      buttons.set(language, button);
      bar.append(button);
    }
    const firstFieldset = form.querySelector("fieldset");
    (firstFieldset || form).before(bar);
    show(rows.keys().next().value);
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
