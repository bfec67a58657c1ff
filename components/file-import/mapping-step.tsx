"use client";

import { useId } from "react";
import { type ColumnMapping, mappingConflicts, TARGET_LABELS } from "@/lib/import/column-mapping";
import type { ColumnTarget } from "@/lib/import/header-detection";

const TARGET_OPTIONS = Object.entries(TARGET_LABELS) as Array<[Exclude<ColumnTarget, null>, string]>;
const IGNORE = "ignore";

export function columnName(header: readonly string[] | undefined, column: number): string {
  const label = header?.[column]?.trim();
  return label ? label : `Column ${column + 1}`;
}

/** One row per source column: its name, a few sample values, and the field it feeds. */
export function MappingStep({
  header,
  samples,
  mapping,
  onChange,
}: {
  header: readonly string[] | undefined;
  samples: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const captionId = useId();
  const conflicts = mappingConflicts(mapping);
  const conflicted = new Set(conflicts.flatMap((conflict) => conflict.columns));
  return (
    <div className="flex flex-col gap-2">
      <table aria-labelledby={captionId} className="w-full border-collapse text-sm">
        <caption id={captionId} className="mb-2 text-left font-semibold">
          Column mapping
        </caption>
        <thead className="bg-slate-100 text-left dark:bg-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              Column in the file
            </th>
            <th scope="col" className="px-3 py-2">
              First values
            </th>
            <th scope="col" className="px-3 py-2">
              Send as
            </th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((target, column) => {
            const name = columnName(header, column);
            const values = samples
              .map((row) => row[column]?.trim() ?? "")
              .filter(Boolean)
              .slice(0, 3);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and never reorder
              <tr key={column} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {name}
                </th>
                <td className="px-3 py-2 text-slate-600 dark:text-slate-400">{values.join(" · ") || "—"}</td>
                <td className="px-3 py-2">
                  <select
                    aria-label={`Field for column “${name}”`}
                    aria-invalid={conflicted.has(column) ? true : undefined}
                    value={target ?? IGNORE}
                    onChange={(event) => {
                      const next = mapping.slice();
                      next[column] =
                        event.target.value === IGNORE ? null : (event.target.value as ColumnTarget);
                      onChange(next);
                    }}
                    className="h-8 rounded-md border border-slate-300 bg-white px-2 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
                  >
                    <option value={IGNORE}>Ignore this column</option>
                    {TARGET_OPTIONS.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                  {conflicted.has(column) ? (
                    <span className="ml-2 text-xs text-red-800 dark:text-red-300">⚠ mapped twice</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {conflicts.length > 0 ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {conflicts
            .map(
              (conflict) =>
                `${TARGET_LABELS[conflict.target]} is fed by ${conflict.columns.map((column) => `“${columnName(header, column)}”`).join(" and ")}`,
            )
            .join("; ")}
          . Choose one column per field (set the others to “Ignore this column”).
        </p>
      ) : null}
    </div>
  );
}
