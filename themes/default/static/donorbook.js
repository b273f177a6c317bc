/* donorbook: knowledge checks, glossary tooltips, lesson progress and print helpers.
   Plain script, no dependencies, no network. Works from file:// and degrades without JS
   (quiz answers stay reachable in <details>). */
(function () {
  "use strict";

  /* ---- storage that never throws (file:// and private modes may refuse it) ---- */
  var store = {
    get: function (key) {
      try { return window.localStorage ? window.localStorage.getItem(key) : null; } catch (e) { return null; }
    },
    set: function (key, value) {
      try { if (window.localStorage) { window.localStorage.setItem(key, value); return true; } } catch (e) { /* ignore */ }
      return false;
    },
    available: function () {
      try {
        var k = "donorbook-test";
        window.localStorage.setItem(k, "1");
        window.localStorage.removeItem(k);
        return true;
      } catch (e) { return false; }
    }
  };

  /* ---- knowledge checks ---- */
  function setupQuiz(form) {
    var button = form.querySelector(".quiz-check");
    var result = form.querySelector(".quiz-result");
    if (!button || !result) { return; }
    button.hidden = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var inputs = form.querySelectorAll("input");
      var chosen = 0;
      var right = true;
      for (var i = 0; i < inputs.length; i++) {
        var input = inputs[i];
        var correct = input.hasAttribute("data-correct");
        if (input.checked) { chosen++; }
        if (input.checked !== correct) { right = false; }
        var fb = document.getElementById(input.id + "-fb");
        if (fb) { fb.hidden = !input.checked; }
      }
      result.classList.remove("is-correct", "is-wrong");
      if (chosen === 0) {
        result.textContent = result.getAttribute("data-empty-text");
        return;
      }
      result.classList.add(right ? "is-correct" : "is-wrong");
      // Clear first so screen readers announce a repeated message too.
      result.textContent = "";
      window.setTimeout(function () {
        result.textContent = result.getAttribute(right ? "data-correct-text" : "data-wrong-text");
      }, 50);
    });
  }

  /* ---- glossary tooltips: Escape hides an open definition (WCAG 1.4.13) ---- */
  function setupTerms() {
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") { return; }
      var open = document.querySelectorAll(".term");
      for (var i = 0; i < open.length; i++) { open[i].classList.add("tip-dismissed"); }
    });
    var terms = document.querySelectorAll(".term");
    for (var i = 0; i < terms.length; i++) {
      terms[i].addEventListener("mouseenter", undismiss);
      terms[i].addEventListener("focusin", undismiss);
    }
    function undismiss(ev) { ev.currentTarget.classList.remove("tip-dismissed"); }
  }

  function localNumber(n) {
    try { return new Intl.NumberFormat(document.documentElement.lang || undefined).format(n); } catch (e) { return String(n); }
  }

  /* ---- learner progress, kept only in this browser ---- */
  var PREFIX = "donorbook:done:";
  function setupProgress() {
    if (!store.available()) { return; }
    // Keyed by site and locale (set by the page), so sites opened from disk never share progress.
    PREFIX = (document.body && document.body.getAttribute("data-progress-key")) || PREFIX;
    var box = document.querySelector("[data-progress-lesson]");
    if (box) {
      var id = box.getAttribute("data-progress-lesson");
      var cb = box.querySelector("input");
      box.hidden = false;
      cb.checked = store.get(PREFIX + id) === "1";
      cb.addEventListener("change", function () {
        store.set(PREFIX + id, cb.checked ? "1" : "0");
      });
    }
    var items = document.querySelectorAll("[data-lesson]");
    for (var i = 0; i < items.length; i++) {
      var mark = items[i].querySelector(".done-mark");
      if (mark && store.get(PREFIX + items[i].getAttribute("data-lesson")) === "1") { mark.hidden = false; }
    }
    continueWhereLeft(items);
    var lines = document.querySelectorAll("[data-progress-module]");
    for (var j = 0; j < lines.length; j++) {
      var line = lines[j];
      var module = line.getAttribute("data-progress-module");
      var total = parseInt(line.getAttribute("data-total"), 10) || 0;
      var done = 0;
      try {
        for (var k = 0; k < window.localStorage.length; k++) {
          var key = window.localStorage.key(k);
          if (key && key.indexOf(PREFIX + module + "/") === 0 && window.localStorage.getItem(key) === "1") { done++; }
        }
      } catch (e) { done = 0; }
      if (done > 0 && total > 0) {
        var label = line.getAttribute("data-label") || "{done} / {total}";
        // The label has the total in the page's digits already (and its plural); the count
        // of lessons done gets the same digits (Persian ۳, Arabic ٣).
        line.textContent = label.replace("{done}", localNumber(Math.min(done, total))).replace("{total}", localNumber(total));
        line.hidden = false;
      }
    }
  }

  /* After some progress, the module page's start button continues with the first lesson not
     yet done ("Continue with …") instead of starting over. */
  function continueWhereLeft(items) {
    var button = document.querySelector("[data-continue]");
    if (!button || !items.length) { return; }
    var done = 0, next = null;
    for (var i = 0; i < items.length; i++) {
      if (store.get(PREFIX + items[i].getAttribute("data-lesson")) === "1") { done++; } else if (!next) { next = items[i]; }
    }
    var link = next && next.querySelector("a");
    if (!done || !link) { return; }
    button.textContent = button.getAttribute("data-continue").replace("{lesson}", link.textContent);
    button.setAttribute("href", link.getAttribute("href"));
  }

  /* ---- printable module: print button and the answer key built from the quizzes ---- */
  function setupPrint() {
    var btn = document.querySelector("[data-print]");
    if (btn) { btn.addEventListener("click", function () { window.print(); }); }
  }

  function init() {
    var forms = document.querySelectorAll("form[data-quiz]");
    for (var i = 0; i < forms.length; i++) { setupQuiz(forms[i]); }
    setupTerms();
    setupProgress();
    setupPrint();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
