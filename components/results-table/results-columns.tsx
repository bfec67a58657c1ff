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
      // At least 18 characters wide before a long contact wraps (break-all let the table squeeze the
      // column until "ana@example.com" broke in two).
      cell: (info) => <span className="block min-w-[18ch] [overflow-wrap:anywhere]">{info.getValue()}</span>,
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
            <code className="block min-w-[24ch] text-xs [overflow-wrap:anywhere]">{did}</code>
            <CopyDidButton did={did} rowNumber={info.row.original.rowIndex + 1} />
          </span>
        );
      },
    }),
  ]);
}
