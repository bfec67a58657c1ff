"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment in the operator's own time zone. The server cannot know that zone, so the first render
 * (server and hydration) shows UTC and the browser then shows local time; the ISO value is always in
 * dateTime and the tooltip.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const isBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime())
    ? iso
    : isBrowser
      ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })
      : `${iso.slice(0, 19).replace("T", " ")} UTC`;
  return (
    <time dateTime={iso} title={iso} className={className}>
      {text}
    </time>
  );
}
