"use client";

import { FileUp } from "lucide-react";
import { type DragEvent, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import {
  type ColumnMapping,
  mappingConflicts,
  mapTableRows,
  suggestMapping,
} from "@/lib/import/column-mapping";
import { findHeaderRow, pickDataSheet } from "@/lib/import/find-header-row";
import { GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import { MAX_IMPORT_FILE_BYTES, type SpreadsheetSource } from "@/lib/import/read-spreadsheet-file";
import { columnName, MappingStep } from "./mapping-step";
import { readFileInWorker } from "./read-file-in-worker";
import { recallMapping, rememberMapping } from "./use-remembered-mapping";

const ACCEPTED = ".csv,.tsv,.txt,.xlsx";
const NO_HEADER = -1;

interface LoadedFile {
  fileName: string;
  source: SpreadsheetSource;
  sheetIndex: number;
  headerRow: number;
  mapping: ColumnMapping;
  recalled: boolean;
}

function initialMapping(
  table: readonly string[][],
  headerRow: number,
): { mapping: ColumnMapping; recalled: boolean } {
  const header = table[headerRow];
  if (!header) {
    const width = Math.max(0, ...table.slice(0, 20).map((row) => row.length));
    return {
      mapping: Array.from({ length: width }, (_, column) => GRID_FIELDS[column] ?? null),
      recalled: false,
    };
  }
  const recalled = recallMapping(header);
  return { mapping: recalled ?? suggestMapping(header), recalled: recalled !== undefined };
}

function openSheet(fileName: string, source: SpreadsheetSource, sheetIndex: number): LoadedFile {
  const table = source.sheets[sheetIndex]?.table ?? [];
  const headerRow = findHeaderRow(table);
  return { fileName, source, sheetIndex, headerRow, ...initialMapping(table, headerRow) };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** File tab: pick or drop a CSV/TSV/TXT/XLSX file, choose sheet and header row, correct the mapping. */
export function FileImportPanel({ onLoad }: { onLoad: (rows: GridCells[], description: string) => void }) {
  const inputId = useId();
  const [status, setStatus] = useState<
    { kind: "idle" } | { kind: "reading"; fileName: string } | { kind: "error"; message: string }
  >({
    kind: "idle",
  });
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [isDragging, setIsDragging] = useState(false);

  const readFile = async (file: File) => {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setStatus({
        kind: "error",
        message: `${file.name} is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(MAX_IMPORT_FILE_BYTES)}. Split it into smaller files and import them one after another.`,
      });
      return;
    }
    setLoaded(null);
    setStatus({ kind: "reading", fileName: file.name });
    const reply = await readFileInWorker(file);
    if (!reply.ok) {
      setStatus({ kind: "error", message: reply.message });
      return;
    }
    setStatus({ kind: "idle" });
    setLoaded(openSheet(file.name, reply.source, pickDataSheet(reply.source.sheets)));
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const table = loaded ? (loaded.source.sheets[loaded.sheetIndex]?.table ?? []) : [];
  const header = loaded && loaded.headerRow !== NO_HEADER ? table[loaded.headerRow] : undefined;
  const dataRows = useMemo(
    () => (loaded ? table.slice(loaded.headerRow === NO_HEADER ? 0 : loaded.headerRow + 1) : []),
    [loaded, table],
  );
  const conflicts = loaded ? mappingConflicts(loaded.mapping) : [];
  const ignored = loaded
    ? loaded.mapping.flatMap((target, column) => (target === null ? [columnName(header, column)] : []))
    : [];

  const load = () => {
    if (!loaded) return;
    const rows = mapTableRows(dataRows, loaded.mapping);
    if (header) rememberMapping(header, loaded.mapping);
    const sheetName =
      loaded.source.kind === "workbook" ? ` (sheet “${loaded.source.sheets[loaded.sheetIndex]?.name}”)` : "";
    onLoad(rows, `${rows.length.toLocaleString("en-US")} rows from ${loaded.fileName}${sheetName}`);
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
          Up to {formatMegabytes(MAX_IMPORT_FILE_BYTES)}. Nothing is sent until you press Create subjects.
        </p>
      </section>
      {status.kind === "reading" ? <p role="status">Reading {status.fileName}…</p> : null}
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
            {loaded.source.kind === "delimited"
              ? ` — ${loaded.source.encoding}, separated by ${loaded.source.delimiter === "\t" ? "tabs" : `“${loaded.source.delimiter}”`}`
              : ""}
            : {dataRows.length.toLocaleString("en-US")} data rows.
            {loaded.recalled ? " Using the mapping you chose last time for these columns." : ""}
          </p>
          <div className="flex flex-wrap gap-4">
            {loaded.source.sheets.length > 1 ? (
              <label className="flex items-center gap-2 text-sm">
                Sheet
                <select
                  value={loaded.sheetIndex}
                  onChange={(event) =>
                    setLoaded(openSheet(loaded.fileName, loaded.source, Number(event.target.value)))
                  }
                  className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
                >
                  {loaded.source.sheets.map((sheet, index) => (
                    <option key={sheet.name} value={index}>
                      {sheet.name}
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
            samples={dataRows.slice(0, 5)}
            mapping={loaded.mapping}
            onChange={(mapping) => setLoaded({ ...loaded, mapping, recalled: false })}
          />
          {ignored.length > 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Ignored columns: {ignored.join(", ")}.
            </p>
          ) : null}
          <div>
            <Button onClick={load} disabled={conflicts.length > 0 || dataRows.length === 0}>
              Load {dataRows.length.toLocaleString("en-US")} rows into the grid
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
