"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const LINKS = [
  { href: "/onboard", label: "Create subjects" },
  { href: "/runs", label: "Runs" },
] as const;

/** The console's two places, the current one marked for assistive technology and by underline. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1 text-sm">
        {LINKS.map((link) => {
          const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
                  isCurrent &&
                    "bg-slate-100 text-slate-950 underline underline-offset-4 dark:bg-slate-800 dark:text-white",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
