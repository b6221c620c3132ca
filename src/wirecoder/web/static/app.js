// Explorer-wide behaviour. Filters are plain GET forms, so every filter lives in the URL;
// this only submits a form as soon as one of its drop-downs changes.
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) {
        select.form.requestSubmit();
      }
    });
  });
  // Empty fields would clutter the URL (?q=&event=...): leave them out of the submission.
  document.querySelectorAll("form.filters, form.sortbar").forEach(function (form) {
    form.addEventListener("formdata", function (event) {
      var empty = [];
      event.formData.forEach(function (value, key) {
        if (value === "") {
          empty.push(key);
        }
      });
      empty.forEach(function (key) {
        var kept = event.formData.getAll(key).filter(function (v) { return v !== ""; });
        event.formData.delete(key);
        kept.forEach(function (v) { event.formData.append(key, v); });
      });
    });
  });
})();
