"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { RowResult } from "@/lib/humanos/results";
import { CopyDidButton } from "./copy-did-button";
import { StatusBadge } from "./status-badge";

export const resultsFeatures = tableFeatures({});
const helper = createColumnHelper<typeof resultsFeatures, RowResult>();

export function getResultsColumns() {
  return helper.columns([
    helper.accessor("rowIndex", {
      header: "#",
      cell: (info) => (
        <span className="text-slate-600 tabular-nums dark:text-slate-400">{info.getValue() + 1}</span>
      ),
    }),
    helper.accessor("contact", {
      header: "Contact",
      cell: (info) => <span className="break-all">{info.getValue()}</span>,
    }),
    helper.accessor("internalId", { header: "Internal ID", cell: (info) => info.getValue() ?? "" }),
    helper.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
    helper.accessor("message", { header: "Message", cell: (info) => info.getValue() }),
    helper.accessor("did", {
      header: "DID",
      cell: (info) => {
        const did = info.getValue();
        if (!did) return <span className="sr-only">none</span>;
        return (
          <span className="inline-flex items-center gap-1">
            <code className="text-xs break-all">{did}</code>
            <CopyDidButton did={did} rowNumber={info.row.original.rowIndex + 1} />
          </span>
        );
      },
    }),
  ]);
}
