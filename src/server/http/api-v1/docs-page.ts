// A readable page for /api/v1/docs, rendered on the server from the OpenAPI
// document itself, so it cannot drift from it. Plain HTML with inline styles:
// no scripts, no CDN, works offline.
import { API_ERROR_CODES } from "@/lib/schemas/api/common";
import { API_ERRORS } from "./errors";
import type { OpenApiDocument } from "./openapi";

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** `code` spans from the document's Markdown-ish backticks. */
const text = (s: unknown) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
const pretty = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;
const refName = (schema: unknown) => String((schema as { $ref?: string }).$ref ?? "").replace("#/components/schemas/", "");
const schemaLink = (schema: unknown) => {
  const name = refName(schema);
  return name ? `<a href="#schema-${esc(name)}">${esc(name)}</a>` : pretty(schema);
};

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content: Record<string, { schema: unknown }> }>;
};

function operation(path: string, method: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>meaning</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td><td>${text(p.description ?? "")}</td></tr>`)
        .join("")}</table>`
    : "";
  const body = op.requestBody ? `<p><b>Body</b> (application/json): ${schemaLink(Object.values(op.requestBody.content)[0]!.schema)}</p>` : "";
  const responses = `<table><tr><th>status</th><th>body</th><th>meaning</th></tr>${Object.entries(op.responses)
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${schemaLink(Object.values(r.content)[0]!.schema)}</td><td>${text(r.description)}</td></tr>`)
    .join("")}</table>`;
  return `<section class="op" id="op-${esc(op.operationId)}"><h3><span class="method">${esc(method.toUpperCase())}</span> <code>/api/v1${esc(path)}</code></h3>
<p>${text(op.summary)}</p>${op.description ? `<p>${text(op.description)}</p>` : ""}${params}${body}${responses}</section>`;
}

export function renderDocsPage(doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operation(path, method, op as Operation)));
  const errorRows = API_ERROR_CODES.map((code) => `<tr><td><code>${code}</code></td><td>${API_ERRORS[code].status}</td><td>${esc(API_ERRORS[code].ru)}</td><td>${esc(API_ERRORS[code].en)}</td></tr>`).join("");
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${pretty(schema)}</section>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem;margin:0 auto;padding:1.5rem;color:#0f172a;line-height:1.5}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #cbd5e1;padding-bottom:.25rem}h3{font-size:1.05rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}pre{background:#f1f5f9;padding:.75rem;overflow:auto;border-radius:.375rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #cbd5e1;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f8fafc}
.op{border:1px solid #e2e8f0;border-radius:.5rem;padding:0 1rem .5rem;margin:1rem 0}.method{background:#1e3a8a;color:#fff;border-radius:.25rem;padding:0 .4rem;font-size:.8rem}
</style></head><body>
<h1>${esc(doc.info.title)} <small>v${esc(doc.info.version)}</small></h1>
<p>${text(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<h2>Authentication and limits</h2>
<p>Send <code>Authorization: Bearer kt_…</code> with the token shown once when the system administrator registered the client (admin portal → Машинные клиенты) or rotated its token. A revoked or rotated-out token is refused on its next call. Each kind of client reaches only its own endpoints; an e-journal only its own organisation. Requests per minute are limited per client (answer 429 with <code>Retry-After</code>).</p>
<h2>Endpoints</h2>${ops.join("")}
<h2>Error codes</h2>
<p>Every error answers <code>{"error":{"code":"…","message":{"ru":"…","en":"…"},"details":{…}}}</code>; <code>details.issues</code> lists the offending fields.</p>
<table><tr><th>code</th><th>HTTP</th><th>ru</th><th>en</th></tr>${errorRows}</table>
<h2>Schemas</h2>${schemas}
</body></html>`;
}
