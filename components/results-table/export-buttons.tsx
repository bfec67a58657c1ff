"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { resultsToCsv, resultsToJson } from "@/lib/export/results-export";
import type { RowResult } from "@/lib/humanos/results";

function download(fileName: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the results shown (after the status filter) as CSV or JSON. */
export function ExportButtons({ results }: { results: readonly RowResult[] }) {
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return (
    <div className="flex gap-2">
      <Button
        variant="secondary"
        size="sm"
        onClick={() =>
          download(`humanos-results-${stamp}.csv`, "text/csv;charset=utf-8", resultsToCsv(results))
        }
      >
        <Download aria-hidden="true" className="size-4" /> Export CSV
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => download(`humanos-results-${stamp}.json`, "application/json", resultsToJson(results))}
      >
        <Download aria-hidden="true" className="size-4" /> Export JSON
      </Button>
    </div>
  );
}
