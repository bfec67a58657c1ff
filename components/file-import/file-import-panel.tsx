"use client";

import { FileUp } from "lucide-react";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { countOf } from "@/lib/format-count";
import { type ColumnMapping, mappingConflicts, suggestMapping } from "@/lib/import/column-mapping";
import {
  dataRowCount,
  type FilePreview,
  NO_HEADER,
  PREVIEW_ROWS,
  tooManyRowsMessage,
} from "@/lib/import/file-preview";
import { findHeaderRow } from "@/lib/import/find-header-row";
import { GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import {
  fileTooLargeMessage,
  formatFileSize,
  MAX_IMPORT_FILE_BYTES,
} from "@/lib/import/read-spreadsheet-file";
import { columnName, MappingStep } from "./mapping-step";
import { type OpenedFile, openFileInWorker } from "./read-file-in-worker";
import { recallMapping, rememberMapping } from "./use-remembered-mapping";

const ACCEPTED = ".csv,.tsv,.txt,.xlsx";

interface LoadedFile {
  fileName: string;
  preview: FilePreview;
  sheetIndex: number;
  headerRow: number;
  mapping: ColumnMapping;
  recalled: boolean;
}

type PanelStatus =
  | { kind: "idle" }
  | { kind: "reading"; fileName: string; size: number }
  | { kind: "loading"; rowCount: number }
  | { kind: "error"; message: string };

function initialMapping(
  firstRows: readonly string[][],
  headerRow: number,
): { mapping: ColumnMapping; recalled: boolean } {
  const header = firstRows[headerRow];
  if (!header) {
    const width = Math.max(0, ...firstRows.slice(0, PREVIEW_ROWS).map((row) => row.length));
    return {
      mapping: Array.from({ length: width }, (_, column) => GRID_FIELDS[column] ?? null),
      recalled: false,
    };
  }
  const recalled = recallMapping(header);
  return { mapping: recalled ?? suggestMapping(header), recalled: recalled !== undefined };
}

function openSheet(fileName: string, preview: FilePreview, sheetIndex: number): LoadedFile {
  const firstRows = preview.sheets[sheetIndex]?.firstRows ?? [];
  const headerRow = findHeaderRow(firstRows);
  return { fileName, preview, sheetIndex, headerRow, ...initialMapping(firstRows, headerRow) };
}

/** File tab: pick or drop a CSV/TSV/TXT/XLSX file, choose sheet and header row, correct the mapping. */
export function FileImportPanel({ onLoad }: { onLoad: (rows: GridCells[], description: string) => void }) {
  const inputId = useId();
  const [status, setStatus] = useState<PanelStatus>({ kind: "idle" });
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [isDragging, setIsDragging] = useState(false);
  // The worker holding the file read last (its whole table), ended when another file is chosen.
  const opened = useRef<OpenedFile | null>(null);
  // Counts the files chosen: a file read after another was chosen is dropped.
  const choices = useRef(0);
  useEffect(() => () => opened.current?.close(), []);

  const readFile = async (file: File) => {
    const choice = ++choices.current;
    // The file chosen before goes, even when this one is refused: its mapping step must not stay on
    // screen under this file's message, one Load away.
    opened.current?.close();
    opened.current = null;
    setLoaded(null);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setStatus({ kind: "error", message: fileTooLargeMessage(file.name, file.size) });
      return;
    }
    setStatus({ kind: "reading", fileName: file.name, size: file.size });
    const reply = await openFileInWorker(file);
    if (choice !== choices.current) {
      if (reply.ok) reply.file.close();
      return;
    }
    if (!reply.ok) {
      setStatus({ kind: "error", message: reply.message });
      return;
    }
    opened.current = reply.file;
    setStatus({ kind: "idle" });
    const sheet = openSheet(file.name, reply.file.preview, reply.file.preview.dataSheet);
    setLoaded(sheet);
    // Most loads keep the mapping first shown: the worker maps the rows while the operator reads it.
    reply.file.prepare({ sheetIndex: sheet.sheetIndex, headerRow: sheet.headerRow, mapping: sheet.mapping });
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const sheet = loaded?.preview.sheets[loaded.sheetIndex];
  const table = sheet?.firstRows ?? [];
  const header = loaded && loaded.headerRow !== NO_HEADER ? table[loaded.headerRow] : undefined;
  const firstDataRow = loaded && loaded.headerRow !== NO_HEADER ? loaded.headerRow + 1 : 0;
  const dataRows = loaded ? dataRowCount(sheet?.rowCount ?? 0, loaded.headerRow) : 0;
  const tooMany = loaded ? tooManyRowsMessage(loaded.fileName, dataRows) : null;
  const conflicts = loaded ? mappingConflicts(loaded.mapping) : [];
  const ignored = loaded
    ? loaded.mapping.flatMap((target, column) => (target === null ? [columnName(header, column)] : []))
    : [];

  const load = async () => {
    const file = opened.current;
    if (!loaded || !file || status.kind === "loading") return;
    setStatus({ kind: "loading", rowCount: dataRows });
    let rows: GridCells[];
    try {
      const { sheetIndex, headerRow, mapping } = loaded;
      rows = await file.mapRows({ sheetIndex, headerRow, mapping });
    } catch (error) {
      if (opened.current === file)
        setStatus({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    // Another file chosen meanwhile: these rows are no longer wanted.
    if (opened.current !== file) return;
    setStatus({ kind: "idle" });
    if (header) rememberMapping(header, loaded.mapping);
    const sheetName = loaded.preview.kind === "workbook" ? ` (sheet “${sheet?.name}”)` : "";
    onLoad(rows, `${countOf(rows.length, "row")} from ${loaded.fileName}${sheetName}`);
  };

  return (
    <div className="flex flex-col gap-4">
      <section
        aria-label="Drop a file here"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-2 rounded-md border-2 border-dashed border-slate-300 bg-white p-6 text-center dark:border-slate-600 dark:bg-slate-900",
          isDragging && "border-blue-600 bg-blue-50 dark:bg-blue-950",
        )}
      >
        <FileUp aria-hidden="true" className="size-8 text-slate-500" />
        <p className="text-sm">Drop a .csv, .tsv, .txt (Excel “Unicode text”) or .xlsx file here, or</p>
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          Choose a file
        </label>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readFile(file);
            event.target.value = "";
          }}
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Up to {formatFileSize(MAX_IMPORT_FILE_BYTES)}. Nothing is sent until you press Create subjects.
        </p>
      </section>
      {status.kind === "reading" ? (
        <p role="status">
          Reading {status.fileName} ({formatFileSize(status.size)})…
        </p>
      ) : null}
      {status.kind === "error" ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {status.message}
        </p>
      ) : null}
      {loaded ? (
        <div className="flex flex-col gap-3">
          <p role="status" className="text-sm">
            {loaded.fileName}
            {loaded.preview.kind === "delimited"
              ? ` — ${loaded.preview.encoding}, separated by ${loaded.preview.delimiter === "\t" ? "tabs" : `“${loaded.preview.delimiter}”`}`
              : ""}
            : {dataRows.toLocaleString("en-US")} data rows.
            {loaded.recalled ? " Using the mapping you chose last time for these columns." : ""}
          </p>
          <div className="flex flex-wrap gap-4">
            {loaded.preview.sheets.length > 1 ? (
              <label className="flex items-center gap-2 text-sm">
                Sheet
                <select
                  value={loaded.sheetIndex}
                  onChange={(event) =>
                    setLoaded(openSheet(loaded.fileName, loaded.preview, Number(event.target.value)))
                  }
                  className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
                >
                  {loaded.preview.sheets.map((option, index) => (
                    <option key={option.name} value={index}>
                      {option.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="flex items-center gap-2 text-sm">
              Header row
              <select
                value={loaded.headerRow}
                onChange={(event) => {
                  const headerRow = Number(event.target.value);
                  setLoaded({ ...loaded, headerRow, ...initialMapping(table, headerRow) });
                }}
                className="h-8 max-w-md rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
              >
                <option value={NO_HEADER}>No header row (columns in the default order)</option>
                {table.slice(0, 10).map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                  <option key={index} value={index}>
                    Row {index + 1}: {row.slice(0, 4).join(", ").slice(0, 60)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <MappingStep
            header={header}
            samples={table.slice(firstDataRow, firstDataRow + 5)}
            mapping={loaded.mapping}
            onChange={(mapping) => setLoaded({ ...loaded, mapping, recalled: false })}
          />
          {ignored.length > 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Ignored columns: {ignored.join(", ")}.
            </p>
          ) : null}
          {tooMany ? (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              {tooMany}
            </p>
          ) : null}
          <div>
            <Button
              onClick={() => void load()}
              disabled={
                conflicts.length > 0 || dataRows === 0 || tooMany !== null || status.kind === "loading"
              }
            >
              Load {countOf(dataRows, "row")} into the grid
            </Button>
          </div>
          {status.kind === "loading" ? (
            <p role="status" className="text-sm">
              Preparing {countOf(status.rowCount, "row")} for the grid…
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
