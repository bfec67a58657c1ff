"use server";

import { requireOperator } from "@/lib/operator";
import type { RunActionResult } from "@/lib/runs/run-service";
import * as service from "@/lib/runs/run-service";
import { getRunServiceDeps } from "@/lib/runs/run-service-deps";
import type { FailedRow } from "@/lib/runs/run-types";

/**
 * The browser's way to create, fill (the first slice starts the run), cancel and resume runs. Each action checks the caller,
 * re-validates its input (in lib/runs/run-service.ts) and returns a union; none throws.
 */
async function asOperator<T extends object>(
  name: string,
  work: (operator: string) => Promise<RunActionResult<T>>,
): Promise<RunActionResult<T>> {
  const operator = await requireOperator();
  if (!operator.ok) return { ok: false, error: { code: "unauthorized", message: operator.message } };
  try {
    return await work(operator.name);
  } catch (error) {
    // A database or engine failure: log it in full, tell the operator what they can do.
    console.error(`[${name}] unexpected failure`, error);
    return {
      ok: false,
      error: {
        code: "server-error",
        message:
          "The console could not complete this step (its database may be unavailable). Nothing was lost; try again, and tell your administrator if it persists.",
      },
    };
  }
}

export async function createRunAction(input: unknown): Promise<RunActionResult<{ runId: string }>> {
  return asOperator("createRunAction", async (operator) =>
    service.createRun(await getRunServiceDeps(), operator, input),
  );
}

export async function appendRunRowsAction(
  input: unknown,
): Promise<RunActionResult<{ accepted: number; refused: Array<{ rowIndex: number; message: string }> }>> {
  return asOperator("appendRunRowsAction", async (operator) =>
    service.appendRows(await getRunServiceDeps(), operator, input),
  );
}

export async function cancelRunAction(input: unknown): Promise<RunActionResult> {
  return asOperator("cancelRunAction", async () => service.cancelRun(await getRunServiceDeps(), input));
}

export async function resumeRunAction(input: unknown): Promise<RunActionResult> {
  return asOperator("resumeRunAction", async () => service.resumeRun(await getRunServiceDeps(), input));
}

export async function loadFailedRowsAction(input: unknown): Promise<RunActionResult<{ rows: FailedRow[] }>> {
  return asOperator("loadFailedRowsAction", async () =>
    service.loadFailedRows(await getRunServiceDeps(), input),
  );
}
