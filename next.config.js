// @ts-check
// Request-independent security headers, for every response including static
// files; the proxy (src/proxy.ts) adds the CSP nonce and Cache-Control.
const securityHeaders = [
  // Keep in step with STATIC_SECURITY_HEADERS in src/server/http/security-headers.ts
  // (a unit test compares them): next.config.js is loaded before TypeScript.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Several checkouts' builds side by side (e.g. parallel work on one machine): NEXT_DIST_DIR=.next-x.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The type check belongs to `npm test` (npm run typecheck, the same tsc),
  // not to every build: it cost a newcomer's `npm start` about a minute.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time instead of bundled: native (argon2), WASM
  // with data files (PGlite) or drivers Next must not rewrite.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "argon2",
    // Large and Node-only (zip streams); nothing to gain from bundling it.
    "exceljs",
    // pdfkit reads its font metrics from files beside it at run time.
    "pdfmake",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  experimental: {
    // forbidden(): a real 403 page for another portal's URL.
    authInterrupts: true,
    // With a proxy (src/proxy.ts) Next cuts request bodies at 10 MB, so a
    // 100,000-row CSV (about 13 MB) reached the import route truncated and was
    // refused as a broken form. Keep in step with MAX_UPLOAD_BODY_BYTES in
    // src/server/services/learners/import/read-file.ts (a unit test compares
    // them); the route refuses anything larger itself, with a clear message.
    proxyClientMaxBodySize: 20 * 1024 * 1024 + 64 * 1024,
  },
};


export default nextConfig;
