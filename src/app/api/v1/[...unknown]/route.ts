// Any other /api/v1 path answers in the API's JSON error shape, not Next's HTML 404.
import { apiError } from "@/server/http/api-v1/errors";

export const dynamic = "force-dynamic";

const notFound = () => apiError("NOT_FOUND");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
