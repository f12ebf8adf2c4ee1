// The offline file's player. Every step's frame is in #frames (a JSON list, gzipped, base64);
// following an #at-N anchor (a control, a timeline cell, a key, back/forward) swaps frame N in.
(() => {
  "use strict";
  let frames = null;

  function show() {
    const match = /^#at-(\d+)$/.exec(location.hash);
    const html = match && frames?.[Number(match[1])];
    const sim = document.getElementById("sim");
    if (html === undefined || html === null || !sim) return;
    const t = document.createElement("template");
    t.innerHTML = html;
    sim.replaceWith(t.content);
    document.dispatchEvent(new CustomEvent("interleave:swap"));
  }

  async function load() {
    const packed = document.getElementById("frames").textContent.trim();
    const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    frames = JSON.parse(await new Response(stream).text());
    document.documentElement.dataset.ready = "";
    show();
  }

  window.addEventListener("hashchange", show);
  load();
})();
