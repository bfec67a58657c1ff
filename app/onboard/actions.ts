"use server";

import { getServerConfig } from "@/lib/env";
import { createHumanosClient } from "@/lib/humanos/client";
import { parseSubmission, type SubmissionOutcome } from "@/lib/onboarding/submission";
import { requireOperator } from "@/lib/operator";

/**
 * The only way the browser reaches the Humanos API. Re-validates its input with the shared schema,
 * checks the caller, then lets the client sign, chunk and retry. Returns a union, never throws.
 */
export async function createSubjectsAction(input: unknown): Promise<SubmissionOutcome> {
  const operator = await requireOperator();
  if (!operator.ok) return { ok: false, error: { code: "unauthorized", message: operator.message } };

  const submission = parseSubmission(input);
  if (!submission.ok) return submission;

  try {
    const config = getServerConfig();
    const client = createHumanosClient({
      baseUrl: config.target.baseUrl,
      userPath: config.target.userPath,
      apiKey: config.target.apiKey,
      signingSecret: config.target.signingSecret,
      apiVersion: config.target.apiVersion,
      timeoutMs: config.timeoutMs,
      maxAttempts: config.maxAttempts,
    });
    const results = await client.createSubjects(submission.rows);
    return { ok: true, results };
  } catch (error) {
    // The client never throws for API trouble; this is a bug or a misconfiguration. Log it in full,
    // show the operator only what they can act on.
    console.error("[createSubjectsAction] unexpected failure", error);
    return {
      ok: false,
      error: {
        code: "server-error",
        message:
          "The console failed before it could send these rows. Nothing was sent; try again, and tell your administrator if it persists.",
      },
    };
  }
}
