import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/**
 * Downloads of the rows the filter shows, straight from the server (every page, not only the one
 * on screen): CSV (UTF-8 with BOM, formula-safe) or JSON. Links, so they work without script too.
 */
export function ExportLinks({
  href,
  describedBy,
}: {
  href: (format: "csv" | "json") => string;
  /** The id of a note on what the files will hold (e.g. only the answers so far). */
  describedBy?: string;
}) {
  const style = buttonVariants({ variant: "secondary", size: "sm" });
  return (
    <div className="flex gap-2">
      <a href={href("csv")} download className={style} aria-describedby={describedBy}>
        <Download aria-hidden="true" className="size-4" /> Export CSV
      </a>
      <a href={href("json")} download className={style} aria-describedby={describedBy}>
        <Download aria-hidden="true" className="size-4" /> Export JSON
      </a>
    </div>
  );
}
