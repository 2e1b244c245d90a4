// Runs once when the server starts: a missing or malformed environment stops
// it here with a readable message, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("./server/env");
    serverEnv();
  }
}
