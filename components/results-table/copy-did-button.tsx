"use client";

import { Check, Copy } from "lucide-react";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** How long a copy's outcome stays shown (and its tick on the button). */
const COPY_STATUS_MS = 4000;

/** Tells the results table's one status line how a copy went. */
const CopyStatusContext = createContext<(message: string) => void>(() => {});

/** The words the status line says after a copy of row `rowNumber`'s DID. */
export function copyStatusText(rowNumber: number, copied: boolean): string {
  return copied
    ? `Copied the DID of row ${rowNumber}.`
    : `Could not copy the DID of row ${rowNumber}: the browser refused. Select the DID and press Ctrl+C (Cmd+C on a Mac).`;
}

/**
 * One polite status line for every Copy DID button of a results table (a page shows up to 500 rows:
 * a live region per button made 500 of them), shown, not only spoken, so a refused copy is seen too.
 */
export function CopyStatusRegion({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState({ message: "", at: 0 });
  const report = useCallback((message: string) => setStatus({ message, at: Date.now() }), []);
  useEffect(() => {
    if (status.message === "") return;
    const clear = setTimeout(() => setStatus({ message: "", at: 0 }), COPY_STATUS_MS);
    return () => clearTimeout(clear);
  }, [status]);
  return (
    <CopyStatusContext value={report}>
      {children}
      <p role="status" className="min-h-5 px-1 pt-1 text-sm text-slate-700 dark:text-slate-300">
        {status.message}
      </p>
    </CopyStatusContext>
  );
}

export function CopyDidButton({ did, rowNumber }: { did: string; rowNumber: number }) {
  const report = useContext(CopyStatusContext);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const untick = setTimeout(() => setCopied(false), COPY_STATUS_MS);
    return () => clearTimeout(untick);
  }, [copied]);
  const copy = async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(did);
    } catch {
      ok = false;
    }
    setCopied(ok);
    report(copyStatusText(rowNumber, ok));
  };
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={copy}
      aria-label={`Copy DID of row ${rowNumber}`}
      title="Copy DID"
    >
      {copied ? (
        <Check aria-hidden="true" className="size-4" />
      ) : (
        <Copy aria-hidden="true" className="size-4" />
      )}
    </Button>
  );
}
