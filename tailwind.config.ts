// Tailwind 4 reads this through `@config` in src/app/globals.css.
import type { Config } from "tailwindcss";

export default {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        // System fonts only: nothing is fetched from the network.
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Ubuntu", "Cantarell", "Noto Sans", "Arial", "sans-serif"],
      },
      // The brand colours live in src/app/globals.css (@theme), as CSS variables
      // the low-vision version can remap.
    },
  },
} satisfies Config;
