// Interleave's small script: keyboard shortcuts, play/pause, the scrubber, Tab in the editor,
// and keeping the current step in view. Everything it does is also a plain link.
(() => {
  "use strict";
  let timer = null;
  let delay = 400;

  const sim = () => document.getElementById("sim");
  const control = (key) => sim()?.querySelector(`a[data-key="${CSS.escape(key)}"]`);

  function follow(href) {
    // Navigate like the page's own links: swap #sim and push the URL.
    const a = document.createElement("a");
    a.href = href;
    for (const [k, v] of Object.entries({"hx-get": href, "hx-target": "#sim",
      "hx-swap": "outerHTML", "hx-push-url": "true"})) a.setAttribute(k, v);
    a.hidden = true;
    document.body.appendChild(a);
    if (window.htmx) { htmx.process(a); a.click(); } else { location.href = href; }
    a.remove();
  }

  function tick() {
    const next = control("ArrowRight");
    if (next) next.click(); else stop();
  }
  function start() {
    stop();
    timer = setInterval(tick, delay);
    sync();
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    sync();
  }
  function sync() {
    const button = sim()?.querySelector("[data-play]");
    if (button) {
      button.textContent = timer ? "⏸ Pause" : "▶ Play";
      button.setAttribute("aria-pressed", timer ? "true" : "false");
    }
    const speed = sim()?.querySelector("[data-speed]");
    if (speed) speed.value = String(Math.round(1600 / delay));
    const lanes = sim()?.querySelector("[data-timeline]");
    const cell = lanes?.querySelector(".cell.current");
    if (cell) lanes.scrollLeft = cell.offsetLeft - lanes.clientWidth / 2;
    for (const here of sim()?.querySelectorAll(".code li.here") ?? []) {
      const pane = here.parentElement;
      pane.scrollTop = here.offsetTop - pane.offsetTop - pane.clientHeight / 2;
    }
  }

  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-play]")) timer ? stop() : start();
    const abort = e.target.closest("[data-abort]");
    if (abort) {  // cancel the exploration: htmx drops the request, the page says so
      document.querySelector(abort.dataset.abort)?.dispatchEvent(new CustomEvent("htmx:abort"));
      const result = document.getElementById("explore-result");
      if (result) result.textContent = "Exploration cancelled.";
    }
  });
  document.addEventListener("input", (e) => {
    if (e.target.matches("[data-speed]")) {
      delay = Math.round(1600 / Number(e.target.value));
      if (timer) start();
    }
  });
  document.addEventListener("change", (e) => {
    if (e.target.matches("[data-autosubmit]")) e.target.form.requestSubmit();
    if (e.target.matches("[data-scrub]")) {
      const url = new URL(e.target.dataset.href, location.href);
      url.searchParams.set("at", e.target.value);
      follow(url.pathname + url.search);
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.target.matches("textarea")) {
      if (e.key === "Tab" && !e.shiftKey) {  // indent instead of leaving the editor
        e.preventDefault();
        e.target.setRangeText("    ", e.target.selectionStart, e.target.selectionEnd, "end");
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.matches("input, select") || !sim()) return;
    if (e.key === " ") {
      e.preventDefault();
      timer ? stop() : start();
      return;
    }
    const link = control(e.key);
    if (link) {
      e.preventDefault();
      link.click();
    }
  });
  document.addEventListener("input", (e) => {
    if (!e.target.matches(".code-editor textarea")) return;
    const gutter = e.target.parentElement.querySelector(".gutter");
    const lines = e.target.value.split("\n").length;
    while (gutter.children.length < lines) gutter.appendChild(document.createElement("li"));
    while (gutter.children.length > lines) gutter.lastChild.remove();
  });
  document.addEventListener("htmx:after:swap", sync);
  document.addEventListener("DOMContentLoaded", sync);
})();
