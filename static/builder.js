// The embed builder (templates/builder.html): as the form changes, fetch the builder's own
// address for it, put that page's preview and embed code in place, and show the address (it is
// the builder's state). Without this script the form's button does the same by a page load.
(() => {
  const form = document.querySelector("[data-builder]");
  if (!form) return;
  let timer = 0;
  let asked = 0;
  const refresh = async () => {
    const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
    const mine = ++asked;
    let text;
    try {
      text = await (await fetch(url)).text();
    } catch {
      return;  // offline: the button still submits the form
    }
    if (mine !== asked) return;  // a later change is on its way
    const page = new DOMParser().parseFromString(text, "text/html");
    const built = page.querySelector("[data-built]");
    const shown = document.querySelector("[data-built]");
    const src = (doc) => doc.querySelector("iframe.preview")?.getAttribute("src");
    if (built && src(page) !== src(document)) shown.replaceWith(built);
    for (const sel of ["#steps-hint", "[name=start]", "[name=end]"]) {
      const fresh = page.querySelector(sel);
      const here = document.querySelector(sel);
      if (!fresh || !here) continue;
      if (sel.startsWith("#")) here.textContent = fresh.textContent;
      else if (fresh.hasAttribute("max")) here.max = fresh.getAttribute("max");
      else here.removeAttribute("max");
    }
    history.replaceState(null, "", url);
  };
  const later = (ms) => { clearTimeout(timer); timer = setTimeout(refresh, ms); };
  form.addEventListener("input", (e) => {
    if (e.target.name === "speed") {
      form.querySelector("[data-speed-out]").textContent = e.target.value;
      e.target.setAttribute("aria-valuetext", `${e.target.value} of 10`);
    }
    later(e.target.type === "text" || e.target.type === "number" ? 500 : 150);
  });
  form.addEventListener("change", () => later(0));
  form.addEventListener("submit", (e) => { e.preventDefault(); later(0); });
})();
