import { describe, expect, it } from "vitest";
import { repeatsInRequest } from "./repeats-in-request";
import type { Subject } from "./schemas";

const identity = (docId: string, countryAlpha3 = "PRT") => ({
  fullName: "Ana Reis",
  birth: "1990-01-01",
  docId,
  countryAlpha3,
});
const CONTACT_TWICE = "Humanos refuses a contact twice in one request (407)";
const IDENTITY_TWICE = "Humanos refuses an identity twice in one request (408)";

describe("repeatsInRequest", () => {
  it.each<[string, Subject[], Array<[number, string, string]>]>([
    ["nothing repeated", [{ contact: "a@x.pt" }, { contact: "+351912345678" }], []],
    [
      "an e-mail in another case",
      [{ contact: "Ana@X.pt" }, { contact: "b@x.pt" }, { contact: "ana@x.pt" }],
      [
        [0, "contact", `The same contact as subject 3: ${CONTACT_TWICE}`],
        [2, "contact", `The same contact as subject 1: ${CONTACT_TWICE}`],
      ],
    ],
    [
      "a phone three times",
      [{ contact: "+351912345678" }, { contact: "+351912345678" }, { contact: "+351912345678" }],
      [
        [0, "contact", `The same contact as subjects 2 and 3: ${CONTACT_TWICE}`],
        [1, "contact", `The same contact as subjects 1 and 3: ${CONTACT_TWICE}`],
        [2, "contact", `The same contact as subjects 1 and 2: ${CONTACT_TWICE}`],
      ],
    ],
    [
      "an identity under two contacts",
      [
        { contact: "a@x.pt", identity: identity("123 456") },
        { contact: "b@x.pt", identity: identity("123456") },
      ],
      [
        [0, "identity.docId", `The same document and country as subject 2: ${IDENTITY_TWICE}`],
        [1, "identity.docId", `The same document and country as subject 1: ${IDENTITY_TWICE}`],
      ],
    ],
    [
      "the same document in two countries",
      [
        { contact: "a@x.pt", identity: identity("123456", "PRT") },
        { contact: "b@x.pt", identity: identity("123456", "ESP") },
      ],
      [],
    ],
    [
      "a subject refused for its contact does not count for identities",
      [
        { contact: "a@x.pt", identity: identity("1") },
        { contact: "a@x.pt" },
        { contact: "c@x.pt", identity: identity("1") },
      ],
      [
        [0, "contact", `The same contact as subject 2: ${CONTACT_TWICE}`],
        [1, "contact", `The same contact as subject 1: ${CONTACT_TWICE}`],
      ],
    ],
  ])("%s", (_, subjects, expected) => {
    expect(
      repeatsInRequest(subjects).map((repeat) => [repeat.index, repeat.path.join("."), repeat.message]),
    ).toStrictEqual(expected);
  });
});
