// The API documentation: Swagger UI from the package's own copy (no CDN), reading /openapi.json.
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.openapi, domNode: root, deepLinking: true });
})();
