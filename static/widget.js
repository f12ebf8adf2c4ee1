// The embedded simulator's side of the postMessage API (version 1). It tells the host page
// when it is ready, each step, the end of a run, a met challenge, and its height; it takes
// goto / play / pause / speed from the host. Messages are namespaced {source: "interleave",
// version: 1, type}; commands are taken only from the parent window and allowed origins, and
// announcements go to the host's origin only, never "*".
(() => {
  "use strict";
  if (window.parent === window) return;
  const meta = document.querySelector('meta[name="interleave-origins"]');
  const allowed = (meta?.content || "").split(/\s+/).filter(Boolean);
  const referrer = () => { try { return new URL(document.referrer).origin; } catch { return ""; } };
  const host = location.ancestorOrigins?.[0] || referrer();
  const trusted = (origin) => allowed.includes("*") || allowed.includes(origin);
  const sim = () => document.getElementById("sim");
  let ended = false, met = false;

  function post(type, data = {}) {
    if (host && host !== "null") {
      window.parent.postMessage({source: "interleave", version: 1, type, ...data}, host);
    }
  }
  function state() {
    const s = sim();
    return {at: Number(s?.dataset.at), total: Number(s?.dataset.total),
      outcome: s?.dataset.outcome || null, url: location.href,
      action: s?.querySelector(".live")?.textContent.trim() || ""};
  }
  function announce() {
    const s = sim();
    if (!s) return;
    const now = state();
    post("step", now);
    if (now.outcome && !ended) post("ended", now);
    ended = Boolean(now.outcome);
    if ("met" in s.dataset && !met) post("challenge-met", now);
    met = "met" in s.dataset;
  }

  window.addEventListener("message", (e) => {
    const m = e.data;
    if (e.source !== window.parent || !trusted(e.origin)) return;
    if (!m || m.source !== "interleave" || m.version !== 1) return;
    const api = window.InterleaveSim;
    if (m.type === "goto") api.goto(m.at);
    else if (m.type === "play") api.play();
    else if (m.type === "pause") api.pause();
    else if (m.type === "speed") api.speed(m.speed);
  });
  document.addEventListener("htmx:after:swap", announce);
  document.addEventListener("DOMContentLoaded", () => {
    const frame = document.querySelector("[data-frame]");
    let height = 0;
    new ResizeObserver(() => {
      const now = Math.ceil(frame.scrollHeight);
      if (now !== height) post("resize", {height: (height = now)});
    }).observe(frame.firstElementChild || frame);
    const s = sim();
    ended = Boolean(s?.dataset.outcome);
    met = s ? "met" in s.dataset : false;
    post("ready", state());
  });
})();
