import { headers } from "next/headers";
import { getServerConfig } from "@/lib/env";
import { checkBasicAuthorization, type OperatorCheck } from "@/lib/operator-auth";

/** Server actions call this first: the proxy asked for credentials, but actions check them again. */
export async function requireOperator(): Promise<OperatorCheck> {
  const requestHeaders = await headers();
  return checkBasicAuthorization(requestHeaders.get("authorization"), getServerConfig().operators);
}
