// The first focusable element of every page: keyboard users jump past the
// header straight to <main id="main">.
export const MAIN_ID = "main";

export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href={`#${MAIN_ID}`}
      data-testid="skip-link"
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-900 focus:shadow"
    >
      {label}
    </a>
  );
}
