/// <reference lib="webworker" />
// Reads big pastes and validates rows off the main thread, so a 100,000-row paste never freezes the
// page. Rows arrive as one string; verdicts leave as a typed array plus the few rows with something to say.

import type { PasteTarget } from "@/lib/import/apply-paste";
import { readPastedText } from "@/lib/import/apply-paste";
import { findBatchDuplicates } from "@/lib/import/batch-duplicates";
import type { CellErrors } from "@/lib/import/grid-fields";
import {
  type PastePart,
  type ProfileEvidence,
  pasteBoundary,
  pastePart,
  profileOfParts,
  type SecondPartText,
  secondPartText,
} from "@/lib/import/paste-into-blank-grid";
import {
  type ColumnProfile,
  encodedVerdictsOfRows,
  type ImportOptions,
  profileColumns,
} from "@/lib/import/validate-grid";
import { warmUpRows, warmUpSlices, warmUpValidation } from "@/lib/import/warm-up";
import {
  decodeRowParts,
  decodeRows,
  type EncodedPaste,
  type EncodedRows,
  type EncodedVerdicts,
  encodePaste,
  encodeRows,
  encodeVerdicts,
} from "@/lib/import/worker-transport";

/**
 * A big paste into an empty grid is cut in two at a row boundary (pasteBoundary) and each worker reads,
 * places and checks its part: the "first" the top part, the "second" the rest. The page posts the
 * text to the first only, which cuts it and hands the second what it reads (secondPartText): one
 * copy of the text on the page's thread instead of two, and one cut instead of two. They swap their
 * parts' column evidence (for the column profile every check needs) over a channel of their own,
 * and the second hands its rows to the first, which looks for repeats among all the rows. "alone"
 * (a one-worker pool, or a text too short to cut) does all of it.
 */
export type PasteRole = "first" | "second" | "alone";

/**
 * Share of a paste's text the first worker reads. It ends with the other's rows and the repeat search
 * (~0.1 s at 100,000 rows in chromium), but the other gets the text later and waits for its evidence.
 * Measured with bench/paste-trace.mjs at 100,000 rows: at 49 % the second finished its checks 50–270 ms
 * after the first had finished everything (6 pastes); at 52 %, from 34 ms later to 143 ms earlier (3).
 */
const FIRST_PART_SHARE = 0.52;

/** A paste part on its way to the page: its rows as one string. */
export type EncodedPastePart = Omit<PastePart, "rows"> & { rows: EncodedRows };

/** What the two workers tell each other about one paste. */
type PeerMessage =
  /** From the first to the second: what to read (null: the text was not cut, there is no second part). */
  | { pasteId: number; type: "text"; part: SecondPartText | null }
  | { pasteId: number; type: "evidence"; evidence: ProfileEvidence }
  | { pasteId: number; type: "rows"; rows: EncodedRows };

export type ValidationRequest =
  | { jobId: number; type: "warm-up"; options: ImportOptions }
  /** Pauses the warm-up between two slices (a paste is on its way) or resumes it; see holdWarmUp. */
  | { jobId: number; type: "hold-warm-up"; held: boolean }
  /** The channel to the other worker (pools of two). */
  | { jobId: number; type: "connect"; port: MessagePort }
  /** `firstLineIsData`: read the first line as a row even when it looks like a header (see PasteTarget). */
  | { jobId: number; type: "paste"; text: string; firstLineIsData: boolean }
  | ({
      jobId: number;
      type: "paste-validate";
      target: PasteTarget;
      blankRowCount: number;
      options: ImportOptions;
      /** The same for both workers' share of one paste. */
      pasteId: number;
      /** Which part this worker reads (see PasteRole); the "second" gets its text from the "first". */
    } & (
      | { role: "first" | "alone"; text: string; handsOver: boolean }
      /** Without `text`, the second's part comes from the first (see textToRead). */
      | { role: "second"; text?: string }
    ))
  /** `rows` in parts (encodeRowsInSlices: the page encodes them a slice per task). */
  | { jobId: number; type: "profile"; rows: EncodedRows[] }
  | { jobId: number; type: "validate"; rows: EncodedRows[]; profile: ColumnProfile; options: ImportOptions };

export type ValidationReply =
  | { jobId: number; type: "warm-up" }
  /** The warm-up is held: this worker is idle until the paste or the release arrives. */
  | { jobId: number; type: "hold-warm-up" }
  | { jobId: number; type: "paste"; pasted: EncodedPaste }
  /** A paste-validate's part, as soon as it is placed (null: the text was not cut, no second part)… */
  | { jobId: number; type: "paste-part"; part: EncodedPastePart | null }
  /** …then each worker's verdicts for its part; the "first" adds the repeats among all the rows. */
  | {
      jobId: number;
      type: "paste-verdicts";
      verdicts: EncodedVerdicts;
      duplicates: Array<[number, CellErrors]>;
    }
  | { jobId: number; type: "profile"; profile: ColumnProfile; duplicates: Array<[number, CellErrors]> }
  | { jobId: number; type: "validate"; verdicts: EncodedVerdicts };

function post(reply: ValidationReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

/** Set by the first real job: the warm-up then stops, or its slices would slow that job down. */
let workArrived = false;
/** Set while the page holds the warm-up (a paste is on its way); resolved when released or work arrives. */
let warmUpHold: { released: Promise<void>; release: () => void } | null = null;

function holdWarmUp(held: boolean): void {
  if (held && warmUpHold === null) {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    warmUpHold = { released, release };
  } else if (!held && warmUpHold !== null) {
    warmUpHold.release();
    warmUpHold = null;
  }
}

/**
 * A paste that arrives during the warm-up waits for one slice, not all (see warmUpSlices); one the
 * page announced (holdWarmUp) waits for none: the warm-up stops at the next slice until it is released.
 */
async function warmUpInSlices(options: ImportOptions): Promise<void> {
  for (const slice of warmUpSlices()) {
    if (warmUpHold !== null) await warmUpHold.released;
    if (workArrived) return;
    warmUpValidation(options, warmUpRows(slice.count, slice.first));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

let peer: MessagePort | null = null;
/** Peer messages by paste and type, and who waits for those not yet here. */
const peerMail = new Map<string, PeerMessage>();
const peerWaiters = new Map<string, (message: PeerMessage) => void>();

function receiveFromPeer(message: PeerMessage): void {
  const key = `${message.pasteId}:${message.type}`;
  const waiter = peerWaiters.get(key);
  peerWaiters.delete(key);
  if (waiter) waiter(message);
  else peerMail.set(key, message);
}

function fromPeer<T extends PeerMessage["type"]>(
  pasteId: number,
  type: T,
): Promise<Extract<PeerMessage, { type: T }>> {
  const key = `${pasteId}:${type}`;
  const waiting = peerMail.get(key);
  peerMail.delete(key);
  if (waiting) return Promise.resolve(waiting as Extract<PeerMessage, { type: T }>);
  return new Promise((resolve) =>
    peerWaiters.set(key, (message) => resolve(message as Extract<PeerMessage, { type: T }>)),
  );
}

function toPeer(message: PeerMessage): void {
  if (peer === null) throw new Error("the grid worker has no peer");
  peer.postMessage(message);
}

/**
 * Times a step of a paste as a User Timing measure ("grid paste: …"): DevTools and traces show where
 * a big paste's time goes in each worker (see .prof/ and bench/). Costs microseconds.
 */
function measured<T>(step: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  try {
    performance.measure(`grid paste: ${step}`, { start, end: performance.now() });
  } catch {
    // A browser without User Timing level 3 in workers: nothing to measure, nothing lost.
  }
  return result;
}

/**
 * The text a worker reads its part of a paste from and where the part ends ("first") or starts
 * ("second"); null when the text was not cut and there is no second part.
 */
async function textToRead(
  request: Extract<ValidationRequest, { type: "paste-validate" }>,
): Promise<{ text: string; boundary: number } | null> {
  if (request.text === undefined) {
    const handed = (await fromPeer(request.pasteId, "text")).part;
    return handed && { text: handed.head + handed.rest, boundary: handed.head.length };
  }
  const { text, role, pasteId } = request;
  const boundary =
    role === "alone" ? text.length : measured("cut", () => pasteBoundary(text, FIRST_PART_SHARE));
  if (role === "second") return boundary < text.length ? { text, boundary } : null;
  // The second waits for its text to start: hand it over before reading this part.
  if (request.role === "first" && request.handsOver)
    measured("hand over", () =>
      toPeer({
        pasteId,
        type: "text",
        part: boundary < text.length ? secondPartText(text, boundary) : null,
      }),
    );
  return { text, boundary };
}

/** One worker's part of a paste-validate request; see PasteRole. */
async function pasteAndValidate(
  request: Extract<ValidationRequest, { type: "paste-validate" }>,
): Promise<void> {
  const { jobId, role, pasteId, target, blankRowCount, options } = request;
  const toRead = await textToRead(request);
  if (toRead === null) {
    post({ jobId, type: "paste-part", part: null });
    return post({ jobId, type: "paste-verdicts", verdicts: encodeVerdicts([]), duplicates: [] });
  }
  const { text, boundary } = toRead;
  const isCut = role === "second" || boundary < text.length;
  const part = measured("read", () =>
    pastePart(text, boundary, role === "second" ? "second" : "first", target, blankRowCount),
  );
  // The evidence first: the other worker may be waiting for it to start its checks.
  if (isCut) toPeer({ pasteId, type: "evidence", evidence: part.evidence });
  const rows = measured("encode", () => encodeRows(part.rows));
  post({ jobId, type: "paste-part", part: { ...part, rows } });
  if (role === "second") toPeer({ pasteId, type: "rows", rows });
  const otherEvidence = isCut ? (await fromPeer(pasteId, "evidence")).evidence : null;
  const profile = profileOfParts(part.evidence, otherEvidence);
  const verdicts = measured("check", () => encodedVerdictsOfRows(part.rows, profile, options));
  let duplicates: Array<[number, CellErrors]> = [];
  if (role !== "second") {
    const peerRows = isCut ? (await fromPeer(pasteId, "rows")).rows : null;
    const allRows = peerRows
      ? part.rows.concat(measured("decode peer rows", () => decodeRows(peerRows)))
      : part.rows;
    duplicates = measured("repeats", () => [...findBatchDuplicates(allRows, { rememberKeys: false })]);
  }
  post({ jobId, type: "paste-verdicts", verdicts, duplicates }, [verdicts.kinds.buffer]);
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const request = event.data;
  const { jobId } = request;
  if (request.type !== "warm-up" && request.type !== "connect" && request.type !== "hold-warm-up") {
    workArrived = true;
    holdWarmUp(false);
  }
  switch (request.type) {
    case "warm-up":
      return void warmUpInSlices(request.options).then(() => post({ jobId, type: "warm-up" }));
    case "hold-warm-up":
      // This runs between two slices (a slice never yields): the worker is idle from here on.
      holdWarmUp(request.held);
      return request.held ? post({ jobId, type: "hold-warm-up" }) : undefined;
    case "paste":
      return post({
        jobId,
        type: "paste",
        pasted: encodePaste(readPastedText(request.text, request.firstLineIsData)),
      });
    case "connect":
      peer = request.port;
      peer.onmessage = (message: MessageEvent<PeerMessage>) => receiveFromPeer(message.data);
      return;
    case "paste-validate":
      // A failure must reach the page as the worker's error event (the pool then falls back to the
      // main thread), not stay an unhandled rejection the page never hears of.
      return void pasteAndValidate(request).catch((error: unknown) => {
        setTimeout(() => {
          throw error;
        });
      });
    case "profile": {
      const rows = decodeRowParts(request.rows);
      return post({
        jobId,
        type: "profile",
        profile: profileColumns(rows),
        duplicates: [...findBatchDuplicates(rows, { rememberKeys: false })],
      });
    }
    case "validate": {
      const verdicts = encodedVerdictsOfRows(decodeRowParts(request.rows), request.profile, request.options);
      return post({ jobId, type: "validate", verdicts }, [verdicts.kinds.buffer]);
    }
  }
};
