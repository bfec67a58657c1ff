"use client";

import { Button } from "@/components/ui/button";
import { RESULTS_PAGE_SIZE } from "./results-table";

/** Pages the matching results take (at least one, which may be empty). */
export function resultsPageCount(matching: number): number {
  return Math.max(1, Math.ceil(matching / RESULTS_PAGE_SIZE));
}

/** "Previous · Rows 501–1,000 of 5,000 · Next" when the results take more than one page. */
export function ResultsPager({
  page,
  matching,
  onPageChange,
}: {
  page: number;
  matching: number;
  onPageChange: (page: number) => void;
}) {
  const pageCount = resultsPageCount(matching);
  if (pageCount <= 1) return null;
  const first = page * RESULTS_PAGE_SIZE;
  return (
    <nav aria-label="Results pages" className="flex items-center gap-3 text-sm">
      <Button variant="secondary" size="sm" onClick={() => onPageChange(page - 1)} disabled={page === 0}>
        Previous
      </Button>
      <span aria-live="polite">
        Rows {(first + 1).toLocaleString("en-US")}–
        {Math.min(first + RESULTS_PAGE_SIZE, matching).toLocaleString("en-US")} of{" "}
        {matching.toLocaleString("en-US")}
      </span>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => onPageChange(page + 1)}
        disabled={page >= pageCount - 1}
      >
        Next
      </Button>
    </nav>
  );
}
