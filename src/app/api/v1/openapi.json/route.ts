import { buildOpenApiDocument } from "@/server/http/api-v1/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
