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
      colors: {
        brand: { 50: "#eef5ff", 100: "#d9e8ff", 600: "#1f5fbf", 700: "#194d9b", 900: "#0f2d5c" },
      },
    },
  },
} satisfies Config;
