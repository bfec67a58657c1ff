import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ApiTargetBadge } from "@/components/api-target-badge";
import { MainNav } from "@/components/runs/main-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: "Humanos onboarding console",
  description: "Create Humanos subjects in bulk and see what happened to every row.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: Next.js stamps the nonce of this response's
  // Content-Security-Policy (proxy.ts) on the page's scripts, and a prerendered page would have none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
            <div className="flex flex-wrap items-center gap-6">
              <p className="text-lg font-semibold">Humanos onboarding</p>
              <MainNav />
            </div>
            <ApiTargetBadge />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
