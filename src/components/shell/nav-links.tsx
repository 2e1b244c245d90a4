"use client";
// The portal's navigation with the current section marked (aria-current and a
// visible underline). The most specific item wins: on /admin/access/account
// only «Что читала учётная запись» is current, not «Кто обращался…» (/admin/access).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeHref } from "@/lib/active-nav";

export interface ShellNavItem {
  href: string;
  label: string;
  /** A count shown next to the label, with its meaning spelled out for screen readers. */
  badge?: { count: number; accessibleLabel: string };
}

export function NavLinks({ items }: { items: ShellNavItem[] }) {
  const current = activeHref(usePathname(), items.map((i) => i.href));
  return (
    <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap lg:gap-x-4 lg:gap-y-1">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              aria-label={item.badge ? item.badge.accessibleLabel : undefined}
              data-testid={`nav-${item.href}`}
              className={`inline-flex items-center gap-1.5 py-1.5 text-sm lg:py-0.5 ${
                active ? "font-semibold text-brand-900 underline decoration-2 underline-offset-4" : "text-slate-700 hover:text-brand-600"
              }`}
            >
              {item.label}
              {item.badge && (
                <span aria-hidden="true" data-testid="nav-badge" className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white no-underline">
                  {item.badge.count}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
