// Types for the services' APIs, generated from the OpenAPI documents the services' tests keep in
// openapi/ (OpenApiSnapshotIntegrationTests): a renamed field changes a document, which changes
// these types, which breaks the console's type check instead of a page.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "console", "src", "api", "generated");
mkdirSync(out, { recursive: true });
for (const service of ["command-service", "projector", "partner-streams"]) {
  const document = JSON.parse(readFileSync(join(root, "openapi", `${service}.json`), "utf8"));
  // Jackson writes every field of a response record (null when empty), and springdoc marks none of
  // them required: so every property is present, and the nullable ones are handled where read.
  const ast = await openapiTS(document, { propertiesRequiredByDefault: true });
  writeFileSync(join(out, `${service}.ts`), `// generated from openapi/${service}.json by scripts/generate-api.mjs\n${astToString(ast)}`);
}
