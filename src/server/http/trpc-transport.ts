// Transport rules for /api/trpc, checked before tRPC sees the request:
// - every call is a POST (the browser link sends queries as POST too), so no
//   SNILS or name typed into a search ever lands in a URL or an access log;
//   GET is refused for all procedures, which is simpler to keep true than a
//   list of "personal" inputs;
// - the body is JSON: a cross-site <form> can only send form or text bodies;
// - the Origin is our own: browsers always send it on POST, so a missing one
//   is a non-browser or a stripped request, and is refused too;
// - a batch holds at most MAX_BATCH calls, so one request cannot fan out into
//   hundreds of database reads.
import { fromOwnOrigin } from "./origin";
import { API_RESPONSE_HEADERS } from "./security-headers";

export const MAX_BATCH = 10;

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: API_RESPONSE_HEADERS });
}

/** The refusal to send, or null when the request may go on to tRPC. */
export function checkTrpcTransport(req: Request): Response | null {
  if (req.method !== "POST") {
    return new Response(JSON.stringify({ error: "Запросы к API принимаются только методом POST" }), {
      status: 405,
      headers: { "Content-Type": "application/json", ...API_RESPONSE_HEADERS, Allow: "POST" },
    });
  }
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return refuse(415, "Тело запроса должно быть в формате application/json");
  if (!fromOwnOrigin(req)) return refuse(403, "Запрос с чужого или неизвестного источника отклонён");
  const paths = decodeURIComponent(new URL(req.url).pathname.replace(/^.*\/api\/trpc\/?/, ""));
  if (paths.split(",").length > MAX_BATCH) return refuse(400, `В одном запросе не больше ${MAX_BATCH} вызовов`);
  return null;
}
