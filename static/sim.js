// Interleave's small script: keyboard shortcuts, play/pause, the scrubber, copy buttons, Tab in
// the editor, keeping the current step in view, and keeping keyboard and screen reader users
// in place across swaps (focus, the live region). Everything it does is also a plain link.
// `window.InterleaveSim` lets the embed widget (widget.js) drive it.
(() => {
  "use strict";
  let timer = null;
  let delay = 400;
  let focused = null;  // data-focus of the control in #sim that last had the keyboard focus

  const sim = () => document.getElementById("sim");
  const control = (key) => sim()?.querySelector(`a[data-key="${CSS.escape(key)}"]`);
  const speedToDelay = (speed) => Math.round(1600 / Math.min(10, Math.max(1, speed)));

  function follow(href) {
    // Navigate like the page's own links: swap #sim, and push (or, embedded, replace) the URL.
    if (href.startsWith("#")) { location.hash = href; return; }  // the offline file
    if (!window.htmx) { location.href = href; return; }
    const a = document.createElement("a");
    a.href = href;
    for (const [k, v] of Object.entries({"hx-get": href, "hx-target": "#sim",
      "hx-swap": "outerHTML", [`hx-${sim()?.dataset.history || "push"}-url`]: "true"})) {
      a.setAttribute(k, v);
    }
    a.hidden = true;
    document.body.appendChild(a);
    htmx.process(a);
    a.click();
    a.remove();
  }

  function goto(at) {
    const s = sim();
    if (!s) return;
    const first = Number(s.dataset.first), last = Number(s.dataset.last);
    const step = Math.max(first, Math.min(last, Math.round(Number(at))));
    if (Number.isNaN(step) || step === Number(s.dataset.at)) return;
    const href = s.dataset.scrubHref;
    if (href.startsWith("#")) { follow(`#at-${step}`); return; }
    const url = new URL(href, location.href);
    url.searchParams.set("at", String(step));
    follow(url.pathname + url.search);
  }

  function tick() {
    const next = control("ArrowRight");
    if (next) next.click(); else stop();
  }
  function play() {
    if (timer) clearInterval(timer);
    timer = setInterval(tick, delay);
    sync();
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    sync();
  }
  function speed(value) {
    delay = speedToDelay(Number(value));
    if (timer) play(); else sync();
  }
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, parent) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    parent?.appendChild(el);
    return el;
  }
  function arrows(lanes) {
    // Hand-offs: an arrow from the release (or notify) to the acquire (or wake-up) it allowed.
    // The server marks them (data-from); only the browser knows where the cells landed.
    lanes.querySelector("svg.handoffs")?.remove();
    const table = lanes.querySelector("table");
    const pairs = [...lanes.querySelectorAll("td[data-from]")].map((to) =>
      [lanes.querySelector(`td[data-step="${to.dataset.from}"]`), to]).filter(([f]) => f);
    if (!table || !pairs.length) return;
    const box = table.getBoundingClientRect();
    const layer = svg("svg", {class: "handoffs", width: table.scrollWidth,
      height: table.offsetHeight, "aria-hidden": "true"});
    const marker = svg("marker", {id: "handoff-head", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse"}, svg("defs", {}, layer));
    svg("path", {d: "M 0 0 L 10 5 L 0 10 z"}, marker);
    for (const [from, to] of pairs) {
      const a = from.getBoundingClientRect(), b = to.getBoundingClientRect();
      const down = a.top < b.top;
      const x1 = a.left + a.width / 2 - box.left, y1 = (down ? a.bottom : a.top) - box.top;
      const x2 = b.left + b.width / 2 - box.left, y2 = (down ? b.top : b.bottom) - box.top;
      const mid = (y1 + y2) / 2;
      svg("path", {d: `M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2}`,
        "marker-end": "url(#handoff-head)"}, layer);
    }
    lanes.appendChild(layer);
  }

  function refocus() {
    // A swap replaces the control that was used: focus its successor (the same thread's
    // Step button, or that button disabled, saying why), never <body>.
    const active = document.activeElement;
    if (!focused || (active && active !== document.body && document.contains(active))) return;
    sim()?.querySelector(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
  }
  function announce() {
    const region = document.getElementById("announce");
    const status = sim()?.querySelector(".live");
    if (region && status) region.textContent = status.textContent.trim();
  }

  function sync() {
    // Share links are relative unless the server knows its public address (it never trusts
    // the Host header): complete them with the address this page was opened at.
    for (const field of document.querySelectorAll("[data-share]")) {
      field.value = field.value.replace(/(^|src=")\//g, `$1${location.origin}/`);
    }
    const button = sim()?.querySelector("[data-play]");
    if (button) {
      button.textContent = timer ? "⏸ Pause" : "▶ Play";
      button.setAttribute("aria-pressed", timer ? "true" : "false");
    }
    const slider = sim()?.querySelector("[data-speed]");
    if (slider) slider.value = String(Math.round(1600 / delay));
    const lanes = sim()?.querySelector("[data-timeline]");
    if (lanes) arrows(lanes);
    const cell = lanes?.querySelector(".cell.current");
    if (cell) lanes.scrollLeft = cell.offsetLeft - lanes.clientWidth / 2;
    for (const here of sim()?.querySelectorAll(".code li.here, .code li.crash") ?? []) {
      const pane = here.parentElement;
      pane.scrollTop = here.offsetTop - pane.offsetTop - pane.clientHeight / 2;
    }
  }

  document.addEventListener("focusin", (e) => {
    focused = e.target.closest?.("#sim [data-focus]")?.dataset.focus ?? null;
  });
  function shortcuts() {
    const dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    if (dialog.open) dialog.close(); else dialog.showModal();
  }
  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-play]")) timer ? stop() : play();
    if (e.target.closest("[data-shortcuts]")) shortcuts();
    // A timeline cell is a plain link (one per step: no htmx attributes to weigh the page);
    // a click swaps #sim like the controls do. Modified clicks still open new tabs.
    const cell = e.target.closest(".timeline .cell a");
    if (cell && !(e.ctrlKey || e.metaKey || e.shiftKey || e.button)) {
      e.preventDefault();
      follow(cell.getAttribute("href"));
    }
    const abort = e.target.closest("[data-abort]");
    if (abort) {  // cancel the exploration: htmx drops the request, the page says so
      document.querySelector(abort.dataset.abort)?.dispatchEvent(new CustomEvent("htmx:abort"));
      const result = document.getElementById("explore-result");
      if (result) result.textContent = "Exploration cancelled.";
    }
    const copy = e.target.closest("[data-copy]");
    if (copy) {
      const field = copy.previousElementSibling;
      field.select();
      navigator.clipboard?.writeText(field.value).then(
        () => { copy.textContent = "Copied ✓"; }, () => { copy.textContent = "Press Ctrl+C"; });
    }
  });
  document.addEventListener("input", (e) => {
    if (e.target.matches("[data-speed]")) speed(e.target.value);
  });
  document.addEventListener("change", (e) => {
    if (e.target.matches("[data-autosubmit]")) e.target.form.requestSubmit();
    if (e.target.matches("[data-scrub]")) goto(e.target.value);
  });
  document.addEventListener("keydown", (e) => {
    if (e.target.matches("textarea")) {
      if (e.key === "Tab" && !e.shiftKey && !e.target.readOnly) {  // indent, not leave
        e.preventDefault();
        e.target.setRangeText("    ", e.target.selectionStart, e.target.selectionEnd, "end");
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.matches("input, select") || !sim()) return;
    if (e.key === "?") {
      e.preventDefault();
      shortcuts();
      return;
    }
    if (document.getElementById("shortcuts")?.open) return;
    if (e.key === " " && !e.target.matches("button")) {
      e.preventDefault();
      timer ? stop() : play();
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
  // A swap of #sim: by htmx, or by the offline file's own player.
  for (const type of ["htmx:after:swap", "interleave:swap"]) {
    document.addEventListener(type, () => { sync(); refocus(); announce(); });
  }
  document.addEventListener("DOMContentLoaded", () => {
    const s = sim();
    if (s?.dataset.speed) delay = speedToDelay(Number(s.dataset.speed));
    if (s && "autoplay" in s.dataset) play(); else sync();
  });
  window.InterleaveSim = {goto, play, pause: stop, speed, playing: () => timer !== null};
})();
