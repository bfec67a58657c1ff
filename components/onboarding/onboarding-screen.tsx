"use client";

import { useEffect, useState } from "react";
import { FileImportPanel } from "@/components/file-import/file-import-panel";
import { ResultsTable } from "@/components/results-table/results-table";
import { SubjectForm } from "@/components/subject-form/subject-form";
import { useGridRows } from "@/components/subject-grid/use-grid-rows";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { PastePanel } from "./paste-panel";
import { SubmissionProgress } from "./submission-progress";
import { useFixAndResend } from "./use-fix-and-resend";
import { useSubmission } from "./use-submission";

export function OnboardingScreen() {
  const grid = useGridRows();
  const { state, submit } = useSubmission();
  const isSending = state.phase === "sending";
  const [tab, setTab] = useState("paste");
  const [loadNotice, setLoadNotice] = useState("");
  const fix = useFixAndResend();
  // Tells tests (and anyone scripting the page) that React has hydrated and the controls respond.
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);

  return (
    <div className="flex flex-col gap-6" data-hydrated={isHydrated}>
      <div>
        <h1 className="text-2xl font-semibold">Create subjects</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Type people in, or paste them from a spreadsheet, then see what Humanos answered for every row.
        </p>
      </div>
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="How to enter subjects">
          <TabsTrigger value="form">Form</TabsTrigger>
          <TabsTrigger value="paste">Paste</TabsTrigger>
          <TabsTrigger value="file">File</TabsTrigger>
        </TabsList>
        {/* Both panels stay mounted so switching tabs never loses what the operator typed. */}
        <TabsContent value="form" forceMount className="data-[state=inactive]:hidden">
          <SubjectForm
            isSending={isSending}
            onSubmit={(rows) => {
              fix.rememberForm(rows);
              void submit(rows, []);
            }}
          />
        </TabsContent>
        <TabsContent value="paste" forceMount className="data-[state=inactive]:hidden">
          {loadNotice ? (
            <p
              role="status"
              className="mb-3 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100"
            >
              Loaded {loadNotice}. Check the rows below, then press Create subjects.
            </p>
          ) : null}
          <PastePanel
            grid={grid}
            answers={fix.answers}
            isSending={isSending}
            onSubmit={(rows, heldBack) => {
              fix.rememberGrid(grid.rows);
              void submit(rows, heldBack);
            }}
          />
        </TabsContent>
        <TabsContent value="file" forceMount className="data-[state=inactive]:hidden">
          <FileImportPanel
            onLoad={(rows, description) => {
              grid.replaceRows(rows, `loading ${description}`);
              setLoadNotice(description);
              setTab("paste");
            }}
          />
        </TabsContent>
      </Tabs>
      {state.phase === "sending" ? <SubmissionProgress state={state} /> : null}
      {state.phase === "done" ? (
        <>
          {state.problem ? (
            <p
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
            >
              Part of this submission failed: {state.problem}. Rows without an answer are marked “not sent”;
              fix the cause and send them again.
            </p>
          ) : null}
          <ResultsTable
            results={state.results}
            onEditFailed={
              fix.canEditFailed
                ? () => {
                    const rows = fix.failedRows(state.results);
                    grid.replaceRows(rows, `loading ${rows.length} failed rows`);
                    setLoadNotice(`${rows.length} rows that failed, each with Humanos' answer in Problems`);
                    setTab("paste");
                  }
                : undefined
            }
          />
        </>
      ) : null}
    </div>
  );
}
