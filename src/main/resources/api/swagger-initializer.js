// Swagger UI over this server's own OpenAPI document (relative: it works behind a path prefix too).
// No validator badge: that would call a public validator with the document.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
