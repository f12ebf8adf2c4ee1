// The path's memory, in this browser only (localStorage: no cookies, nothing on the server):
// which challenges were met, shown on the gallery with a reset; and the first scenario's
// walkthrough, shown once. Without script (or storage) the pages work just the same.
(() => {
  "use strict";
  const MET = "interleave.met";
  const TOUR = "interleave.tour";

  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* private mode: fine */ }
  }

  // A met challenge on the simulator (#sim[data-met][data-scenario]), on load and each swap.
  function record() {
    const sim = document.getElementById("sim");
    const id = sim?.dataset.scenario;
    if (!id || !("met" in sim.dataset)) return;
    const met = load(MET, {});
    if (!met[id]) { met[id] = true; save(MET, met); }
  }

  // A reward that a step just earned: brought into view and said (after sim.js has put the
  // step's own line into the live region).
  let rewarded = false;
  function reward() {
    const panel = document.querySelector("[data-reward]");
    if (panel && !rewarded) {
      panel.scrollIntoView({block: "nearest", behavior: smooth()});
      const live = document.getElementById("announce");
      if (live) live.textContent += ` ${panel.querySelector("h2").textContent}.`;
    }
    rewarded = Boolean(panel);
  }
  const smooth = () => matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

  function showPath() {
    const stops = [...document.querySelectorAll(".path [data-scenario]")];
    if (!stops.length) return;
    const met = load(MET, {});
    let next = null;
    for (const stop of stops) {
      const done = Boolean(met[stop.dataset.scenario]);
      stop.classList.toggle("cleared", done);
      stop.querySelector("[data-met-badge]").hidden = !done;
      stop.querySelector("[data-next-badge]").hidden = true;
      if (!done && !next) next = stop;
    }
    const count = stops.filter((s) => met[s.dataset.scenario]).length;
    if (next && count) next.querySelector("[data-next-badge]").hidden = false;
    const progress = document.querySelector("[data-progress]");
    if (progress) {
      progress.hidden = false;
      progress.querySelector("[data-progress-count]").textContent = String(count);
      progress.querySelector("[data-reset-progress]").disabled = count === 0;
    }
  }

  // The walkthrough: one step at a time, its target outlined and scrolled into view.
  let shown = 0;
  const tour = () => document.querySelector("[data-tour]");
  function target(i) {
    const step = tour()?.querySelectorAll(".tour-steps li")[i];
    return step && document.querySelector(step.dataset.target);
  }
  function showStep(i, scroll) {
    const t = tour();
    const steps = t.querySelectorAll(".tour-steps li");
    shown = Math.max(0, Math.min(steps.length - 1, i));
    steps.forEach((li, n) => { li.hidden = n !== shown; });
    t.querySelector("[data-tour-count]").textContent = `(${shown + 1} of ${steps.length})`;
    const back = t.querySelector("[data-tour-back]"), next = t.querySelector("[data-tour-next]");
    const had = document.activeElement;
    back.disabled = shown === 0;
    next.hidden = shown === steps.length - 1;
    // A button that just went away hands the keyboard on, never to the page's top.
    if (had === next && next.hidden) t.querySelector("[data-tour-close]").focus();
    if (had === back && back.disabled) next.focus();
    document.querySelectorAll(".tour-target").forEach((el) => el.classList.remove("tour-target"));
    const el = target(shown);
    if (el) {
      el.classList.add("tour-target");
      // Only when the learner pages: on arrival the page stays where it opened.
      if (scroll) el.scrollIntoView({block: "center", behavior: smooth()});
    }
  }
  function openTour(focus) {
    const t = tour();
    if (!t) return;
    t.hidden = false;
    const again = document.querySelector("[data-tour-open]");
    if (again) again.hidden = true;
    showStep(0);
    // On a first visit it does not take the focus from the page: it is the first thing
    // after the site's header to Tab to. Asked for again, it does.
    if (focus) t.querySelector("#tour-title").focus();
  }
  function closeTour() {
    const t = tour();
    if (!t || t.hidden) return;
    const inside = t.contains(document.activeElement);
    t.hidden = true;
    document.querySelector("[data-tour-open]").hidden = false;
    document.querySelectorAll(".tour-target").forEach((el) => el.classList.remove("tour-target"));
    save(TOUR, "done");
    // The keyboard goes on where the walkthrough pointed: the first Step button.
    if (inside) {
      (document.querySelector("#sim a.button.step") ?? document.querySelector("#sim a.button"))
        ?.focus();
    }
  }

  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-reset-progress]")) { save(MET, {}); showPath(); }
    if (e.target.closest("[data-tour-next]")) showStep(shown + 1, true);
    if (e.target.closest("[data-tour-back]")) showStep(shown - 1, true);
    if (e.target.closest("[data-tour-close]")) closeTour();
    if (e.target.closest("[data-tour-open]")) openTour(true);
  });
  document.addEventListener("keydown", (e) => {
    const t = tour();
    if (!t || t.hidden) return;
    if (document.querySelector("dialog[open]")) return;  // Escape is the shortcuts list's
    if (e.key === "Escape") { closeTour(); return; }
    // Inside the walkthrough the arrows page through it, not through the run.
    if (t.contains(e.target) && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      e.preventDefault();
      e.stopPropagation();
      showStep(shown + (e.key === "ArrowRight" ? 1 : -1), true);
    }
  }, true);
  for (const type of ["htmx:after:swap", "interleave:swap"]) {
    document.addEventListener(type, () => {
      record();
      reward();
      if (tour() && !tour().hidden) showStep(shown);  // the swap replaced the target
    });
  }
  document.addEventListener("DOMContentLoaded", () => {
    record();
    showPath();
    rewarded = Boolean(document.querySelector("[data-reward]"));
    if (!tour()) return;
    if (load(TOUR, "") === "done") document.querySelector("[data-tour-open]").hidden = false;
    else openTour(false);
  });
  window.addEventListener("pageshow", (e) => { if (e.persisted) showPath(); });
})();
