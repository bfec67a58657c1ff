/**
 * The part of fetch the client uses (a POST with a string body, read whole as text), on node:http and
 * node:https with keep-alive agents. Profiles of the submit bench put the global fetch at ≈ 0.4 s of
 * server CPU per 10,000 rows: Next's wrapper (tracing, de-duplication), undici and web streams, all
 * on the thread that also serves the sandbox and the console. Same contract as fetch for the client:
 * redirects are not followed (redirect: "manual"), an abort rejects, and the promise settles only
 * once the whole body has arrived, so the client's timer covers reading it.
 */
import http from "node:http";
import https from "node:https";

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** Statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function headerList(headers: http.IncomingHttpHeaders): Array<[string, string]> {
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
}

function plainHeaders(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

export const nodeHttpFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) {
      reject(new TypeError(`Unsupported protocol ${url.protocol}`));
      return;
    }
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== "string") {
      reject(new TypeError("nodeHttpFetch sends string bodies only"));
      return;
    }
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: init.method ?? "GET",
        headers: plainHeaders(init.headers),
        agent,
        signal: init.signal ?? undefined,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => fail(error));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          try {
            resolve(
              new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: response.statusMessage ?? "",
                headers: headerList(response.headers),
              }),
            );
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    // Like fetch: a network failure is a TypeError "fetch failed" whose cause says what (ECONNREFUSED…).
    const fail = (error: Error) =>
      reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }));
    request.on("error", fail);
    request.end(body ?? undefined);
  });
