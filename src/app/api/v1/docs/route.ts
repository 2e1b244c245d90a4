import { renderDocsPage } from "@/server/http/api-v1/docs-page";
import { buildOpenApiDocument } from "@/server/http/api-v1/openapi";

export const dynamic = "force-static";

export function GET() {
  return new Response(renderDocsPage(buildOpenApiDocument()), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
