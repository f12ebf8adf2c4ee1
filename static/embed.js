// For course pages that allow scripts: sizes every <iframe data-interleave> to fit its content,
// re-announces the widget's messages as DOM events on the iframe (interleave:ready, :step,
// :ended, :challenge-met, :resize, with the message as `detail`), and gives
// Interleave.send(iframe, type, data) to drive it: "goto" {at}, "play", "pause", "speed" {speed}.
// Messages are accepted only from the iframe's own window and origin. No dependencies.
(() => {
  "use strict";
  const originOf = (frame) => new URL(frame.src, location.href).origin;
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (!m || m.source !== "interleave" || m.version !== 1) return;
    for (const frame of document.querySelectorAll("iframe[data-interleave]")) {
      if (frame.contentWindow !== e.source || originOf(frame) !== e.origin) continue;
      if (m.type === "resize" && !frame.hasAttribute("data-fixed-height")) {
        frame.style.height = `${Math.ceil(m.height) + 2}px`;
      }
      frame.dispatchEvent(new CustomEvent(`interleave:${m.type}`, {detail: m}));
    }
  });
  window.Interleave = {
    send(frame, type, data = {}) {
      frame.contentWindow.postMessage({source: "interleave", version: 1, type, ...data},
        originOf(frame));
    },
  };
})();
