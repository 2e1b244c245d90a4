// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
  experimental: {
    // forbidden(): a real 403 page for another portal's URL.
    authInterrupts: true,
  },
};

export default nextConfig;
