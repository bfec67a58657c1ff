import { describe, expect, it } from "vitest";
import { checkBasicAuthorization, type OperatorCheck } from "./operator-auth";

const OPERATORS = [
  { name: "alice", password: "s3cret" },
  { name: "bob", password: "p:w:x" },
];
const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
const SIGN_IN: OperatorCheck = { ok: false, message: "Sign in to use the console." };
const WRONG: OperatorCheck = { ok: false, message: "Unknown operator or wrong password." };

describe("checkBasicAuthorization", () => {
  it.each<[string, string | null]>([
    ["no header", null],
    ["any header", "Bearer whatever"],
    ["wrong credentials", basic("mallory:x")],
  ])("no operators configured, %s → local operator", (_name, header) => {
    expect(checkBasicAuthorization(header, [])).toStrictEqual({ ok: true, name: "local operator" });
  });

  it.each<[string, string | null, OperatorCheck]>([
    ["missing header", null, SIGN_IN],
    ["empty header", "", SIGN_IN],
    ["Bearer scheme", `Bearer ${Buffer.from("alice:s3cret").toString("base64")}`, SIGN_IN],
    ["Basic without credentials", "Basic ", SIGN_IN],
    ["bad base64 characters", "Basic !!!not-base64!!!", SIGN_IN],
    ["unknown name", basic("mallory:s3cret"), WRONG],
    ["wrong password", basic("alice:wrong"), WRONG],
    ["password prefix", basic("alice:s3cre"), WRONG],
    ["password with extra char", basic("alice:s3cret!"), WRONG],
    ["empty password", basic("alice:"), WRONG],
    ["missing colon", basic("alices3cret"), WRONG],
    ["name only", basic("alice"), WRONG],
    ["empty name", basic(":s3cret"), WRONG],
    ["name case differs", basic("Alice:s3cret"), WRONG],
    ["bob's password split at the last colon", basic("bob:p:w:x:"), WRONG],
    ["another operator's password", basic("alice:p:w:x"), WRONG],
  ])("%s → refused", (_name, header, expected) => {
    expect(checkBasicAuthorization(header, OPERATORS)).toStrictEqual(expected);
  });

  it.each<[string, string, string]>([
    ["alice", basic("alice:s3cret"), "alice"],
    ["lower-case scheme", `basic ${Buffer.from("alice:s3cret").toString("base64")}`, "alice"],
    ["password containing ':'", basic("bob:p:w:x"), "bob"],
  ])("%s → ok", (_name, header, name) => {
    expect(checkBasicAuthorization(header, OPERATORS)).toStrictEqual({ ok: true, name });
  });

  it.each<[string, string]>([
    ["empty name", ":pw"],
    ["no colon (never split mid-text)", "alicepw"],
  ])("refuses %s even if such an operator were configured", (_name, credentials) => {
    const operators = [
      { name: "", password: "pw" },
      { name: "alicep", password: "alicepw" },
    ];
    expect(checkBasicAuthorization(basic(credentials), operators)).toStrictEqual(WRONG);
  });

  it("accepts a UTF-8 password", () => {
    const operators = [{ name: "zé", password: "pässwörd" }];
    expect(checkBasicAuthorization(basic("zé:pässwörd"), operators)).toStrictEqual({ ok: true, name: "zé" });
    expect(checkBasicAuthorization(basic("zé:passwort"), operators)).toStrictEqual(WRONG);
  });
});
