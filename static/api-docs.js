// Swagger UI on /docs, started from a file (the CSP allows no inline script), reading the
// OpenAPI document named by its container. No validator badge: it would ask another site.
window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("swagger");
  if (!box || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({
    url: box.dataset.spec, domNode: box, validatorUrl: null, deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis], layout: "BaseLayout",
    defaultModelsExpandDepth: 0, tryItOutEnabled: false,
  });
});
