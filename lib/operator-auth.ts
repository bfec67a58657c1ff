/**
 * Who is calling. When CONSOLE_OPERATORS is set, every page and server action requires HTTP Basic
 * credentials from that list (proxy.ts asks the browser for them; actions check them again, since a
 * proxy alone is no security boundary). When it is not set, the console is open (local use).
 */
import { timingSafeEqual } from "node:crypto";

export type OperatorCheck = { ok: true; name: string } | { ok: false; message: string };

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks an Authorization header against the configured operators. */
export function checkBasicAuthorization(
  authorization: string | null,
  operators: ReadonlyArray<{ name: string; password: string }>,
): OperatorCheck {
  if (operators.length === 0) return { ok: true, name: "local operator" };
  const match = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match?.[1]) return { ok: false, message: "Sign in to use the console." };
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  const name = decoded.slice(0, separator);
  const password = decoded.slice(separator + 1);
  const known = operators.find((operator) => operator.name === name);
  // Compare against a dummy when the name is unknown so timing does not reveal which names exist.
  const valid =
    sameText(password, known?.password ?? "\u0000invalid") && known !== undefined && separator > 0;
  return valid ? { ok: true, name } : { ok: false, message: "Unknown operator or wrong password." };
}
