"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { FileImportPanel } from "@/components/file-import/file-import-panel";
import { runPaths, shortRunId } from "@/components/runs/format";
import { RunView } from "@/components/runs/run-view";
import { SubjectForm } from "@/components/subject-form/subject-form";
import { useGridRows } from "@/components/subject-grid/use-grid-rows";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { countOf } from "@/lib/format-count";
import { PastePanel } from "./paste-panel";
import { SubmissionProgress } from "./submission-progress";
import { useFixAndResend } from "./use-fix-and-resend";
import { type RunOrigin, useRunSubmission } from "./use-run-submission";

/** The history's "source" of a grid loaded from a file ("file: people.xlsx (sheet “Staff”)"). */
function fileSource(description: string): string {
  return `file: ${description.replace(/^[\d,]+ rows from /, "")}`.slice(0, 200);
}

const noticeStyle =
  "rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100";
const alertStyle =
  "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100";
const linkStyle = "font-medium underline underline-offset-2";

export function OnboardingScreen({ resendRunId }: { resendRunId?: string }) {
  const grid = useGridRows();
  const { replaceRows } = grid;
  const { state, submit } = useRunSubmission();
  const isUploading =
    state.phase === "saving" ||
    (state.phase === "started" && state.saved < state.total && !state.uploadProblem);
  const isSending = isUploading;
  const [tab, setTab] = useState("paste");
  const [loadNotice, setLoadNotice] = useState("");
  const [loadError, setLoadError] = useState<string | null>(null);
  // What the grid holds, for the run's "source" in the history: pasted, a file, or a run's failed rows.
  const [gridOrigin, setGridOrigin] = useState<RunOrigin>({ source: "paste" });
  const { answers, loadFailed, loadingRunId } = useFixAndResend();
  // Tells tests (and anyone scripting the page) that React has hydrated and the controls respond.
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);

  const loadFailedRows = useCallback(
    async (runId: string) => {
      setLoadError(null);
      const outcome = await loadFailed(runId);
      if (!outcome.ok) {
        setLoadError(`The failed rows of run ${shortRunId(runId)} could not be loaded: ${outcome.message}`);
        return;
      }
      if (outcome.rows.length === 0) {
        setLoadError(
          `Run ${shortRunId(runId)} has no failed rows to edit: every row in it succeeded, or has no answer yet (Resume sends those, from the run's page).`,
        );
        return;
      }
      replaceRows(outcome.rows, `loading ${outcome.rows.length} failed rows`);
      setLoadNotice(
        `${countOf(outcome.rows.length, "row")} that failed in run ${shortRunId(runId)}, each with Humanos' answer in Problems`,
      );
      setGridOrigin({ source: `resend of ${shortRunId(runId)}`, parentRunId: runId });
      setTab("paste");
    },
    [loadFailed, replaceRows],
  );

  // Until every row is stored, the rest exist only in this tab: leaving would cut the run short (the
  // server keeps and sends only the rows it has) and empty the grid. The browser asks first.
  useEffect(() => {
    if (!isUploading) return;
    const askFirst = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", askFirst);
    return () => window.removeEventListener("beforeunload", askFirst);
  }, [isUploading]);

  // /onboard?resend=<run id>: the run's failed rows, loaded once into the grid.
  // A new run's progress appears below the grid, out of sight: bring it into view once, when it starts.
  const runSectionRef = useRef<HTMLDivElement>(null);
  const startedRunId = state.phase === "started" ? state.runId : null;
  useEffect(() => {
    if (startedRunId) runSectionRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [startedRunId]);
  const loadedResend = useRef<string | null>(null);
  useEffect(() => {
    if (!resendRunId || loadedResend.current === resendRunId) return;
    loadedResend.current = resendRunId;
    void loadFailedRows(resendRunId);
  }, [resendRunId, loadFailedRows]);

  return (
    <div className="flex flex-col gap-6" data-hydrated={isHydrated}>
      <div>
        <h1 className="text-2xl font-semibold">Create subjects</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Type people in, or paste them from a spreadsheet, then see what Humanos answered for every row.
        </p>
      </div>
      {loadError ? (
        <p role="alert" className={alertStyle}>
          {loadError}
        </p>
      ) : null}
      {resendRunId && loadingRunId === resendRunId ? (
        <p role="status" className="text-sm">
          Loading the failed rows of run {shortRunId(resendRunId)}…
        </p>
      ) : null}
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="How to enter subjects">
          <TabsTrigger value="form">Form</TabsTrigger>
          <TabsTrigger value="paste">Paste</TabsTrigger>
          <TabsTrigger value="file">File</TabsTrigger>
        </TabsList>
        {/* Both panels stay mounted so switching tabs never loses what the operator typed. */}
        <TabsContent value="form" forceMount className="data-[state=inactive]:hidden">
          <SubjectForm isSending={isSending} onSubmit={(rows) => void submit(rows, { source: "form" })} />
        </TabsContent>
        <TabsContent value="paste" forceMount className="data-[state=inactive]:hidden">
          {loadNotice ? (
            <p role="status" className={`mb-3 ${noticeStyle}`}>
              Loaded {loadNotice}. Check the rows below, then press Create subjects.
            </p>
          ) : null}
          <PastePanel
            grid={grid}
            answers={answers}
            isSending={isSending}
            onSubmit={(rows) => void submit(rows, gridOrigin)}
            onClear={() => {
              setGridOrigin({ source: "paste" });
              setLoadNotice("");
            }}
          />
        </TabsContent>
        <TabsContent value="file" forceMount className="data-[state=inactive]:hidden">
          <FileImportPanel
            onLoad={(rows, description) => {
              replaceRows(rows, `loading ${description}`);
              setLoadNotice(description);
              setGridOrigin({ source: fileSource(description) });
              setTab("paste");
            }}
          />
        </TabsContent>
      </Tabs>
      {isUploading && (state.phase === "saving" || state.phase === "started") ? (
        <SubmissionProgress state={state} />
      ) : null}
      {state.phase === "started" && state.uploadProblem ? (
        <p role="alert" className={alertStyle}>
          {state.uploadProblem}
        </p>
      ) : null}
      {state.phase === "failed" ? (
        <p role="alert" className={alertStyle}>
          {state.message}
          {state.runId ? (
            <>
              {" "}
              <Link href={runPaths.detail(state.runId)} className={linkStyle}>
                Open run {shortRunId(state.runId)}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {state.phase === "started" ? (
        <div className="flex flex-col gap-4" ref={runSectionRef}>
          <p className={noticeStyle}>
            Run{" "}
            <Link href={runPaths.detail(state.runId)} className={linkStyle}>
              <code>{shortRunId(state.runId)}</code>
            </Link>{" "}
            is saved on the server. This run keeps going if you close the tab; find it under{" "}
            <Link href="/runs" className={linkStyle}>
              Runs
            </Link>
            .
          </p>
          <RunView
            key={state.runId}
            runId={state.runId}
            editFailed={{
              kind: "button",
              onClick: () => void loadFailedRows(state.runId),
              isLoading: loadingRunId === state.runId,
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
