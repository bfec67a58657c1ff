import { type NextRequest, NextResponse } from "next/server";
import { getServerConfig } from "@/lib/env";
import { checkBasicAuthorization } from "@/lib/operator-auth";

/** Asks the browser for operator credentials when CONSOLE_OPERATORS is configured. */
export function proxy(request: NextRequest): NextResponse {
  const check = checkBasicAuthorization(request.headers.get("authorization"), getServerConfig().operators);
  if (check.ok) return NextResponse.next();
  return new NextResponse(check.message, {
    status: 401,
    headers: { "WWW-Authenticate": 'Basic realm="Humanos onboarding console", charset="UTF-8"' },
  });
}

export const config = {
  // The sandbox has its own signed-request auth; health checks must stay open; static assets are public.
  matcher: ["/((?!api/sandbox|api/health|_next/static|_next/image|favicon.ico).*)"],
};
