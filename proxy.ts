import { type NextRequest, NextResponse } from "next/server";
import { getServerConfig } from "@/lib/env";
import { checkBasicAuthorization } from "@/lib/operator-auth";
import { NON_DOCUMENT_POLICY, newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

/**
 * Every page and console API request passes here: it asks the browser for operator credentials when
 * CONSOLE_OPERATORS is configured, and gives each page its Content-Security-Policy with a fresh
 * nonce. Next.js reads the nonce from the request's copy of the policy and stamps it on the page's
 * scripts, which is why pages are rendered per request (app/layout.tsx). API routes keep the fixed
 * policy of next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const check = checkBasicAuthorization(request.headers.get("authorization"), getServerConfig().operators);
  if (!check.ok) {
    return new NextResponse(check.message, {
      status: 401,
      headers: {
        "WWW-Authenticate": 'Basic realm="Humanos onboarding console", charset="UTF-8"',
        "Content-Security-Policy": NON_DOCUMENT_POLICY,
      },
    });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // The sandbox has its own signed-request auth; health checks must stay open; static assets are public.
  matcher: ["/((?!api/sandbox|api/health|_next/static|_next/image|favicon.ico).*)"],
};
