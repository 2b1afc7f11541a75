// "Use theirs" on a change form whose save was refused because someone else saved first
// (config/editorial/concurrency.py): puts the other person's value of one field into the form.
// Each button carries, as JSON, what a browser would send for their value ({"fields": {name:
// [values]}, "labels": {value: label}}); an autocomplete lists only its chosen records, so a
// missing option is added with its label.
"use strict";
(function () {
  function setSelect(select, values, labels) {
    for (const value of values) {
      if (value === "") continue;
      const known = Array.from(select.options).some((option) => option.value === value);
      if (!known) select.add(new Option(labels[value] || value, value));
    }
    const filtered = select.id.endsWith("_to") && window.SelectBox;
    if (filtered) {
      // A filtered multiple choice (two boxes): the chosen ones are every option of the "_to" box.
      for (const option of Array.from(select.options)) {
        if (!values.includes(option.value)) option.remove();
      }
      window.SelectBox.init(select.id);
    }
    for (const option of select.options) option.selected = values.includes(option.value);
  }

  function setField(form, name, values, labels) {
    for (const element of form.querySelectorAll("[name]")) {
      if (element.name !== name) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value) || (element.type === "checkbox" && values.includes("on"));
      } else if (element.tagName === "SELECT") {
        setSelect(element, values, labels);
      } else if (element.type !== "file") {
        element.value = values.length ? values[0] : "";
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
      if (window.django && window.django.jQuery) window.django.jQuery(element).trigger("change");
    }
  }

  function useTheirs(event) {
    const button = event.currentTarget;
    const form = button.closest("form");
    const payload = JSON.parse(button.dataset.concurrencyValues);
    for (const [name, values] of Object.entries(payload.fields || {})) {
      setField(form, name, values, payload.labels || {});
    }
    const row = button.closest("tr");
    if (row) row.classList.add("concurrency-taken");
    button.textContent = button.dataset.usedLabel;
    button.disabled = true;
  }

  function init() {
    for (const button of document.querySelectorAll("button.concurrency-use-theirs")) {
      button.addEventListener("click", useTheirs);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
