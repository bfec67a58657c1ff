"use client";

/**
 * Whether the page may read the clipboard without asking (the "clipboard-read" permission is
 * granted). Then Ctrl/Cmd+V reads it with `navigator.clipboard.readText()`, which Chromium fetches
 * off the page's thread: a 100,000-row paste does not hold the page for the ~100–250 ms that the
 * paste event's synchronous `clipboardData.getData()` costs. Browsers without the permission (or
 * that do not know its name) keep the ordinary paste event.
 */
let granted = false;
let watching = false;

export function watchClipboardReadPermission(): void {
  if (watching || typeof navigator === "undefined" || !navigator.permissions || !navigator.clipboard) return;
  watching = true;
  let query: Promise<PermissionStatus>;
  try {
    query = navigator.permissions.query({ name: "clipboard-read" as PermissionName });
  } catch {
    return; // a browser that throws on a permission name it does not know
  }
  query
    .then((status) => {
      granted = status.state === "granted";
      status.addEventListener("change", () => {
        granted = status.state === "granted";
      });
    })
    .catch(() => {
      // Firefox and Safari do not know the name: the paste event it is.
    });
}

export function canReadClipboardQuietly(): boolean {
  return granted;
}

/** After a refused read (permission revoked meanwhile), Ctrl+V goes back to the paste event. */
export function forgetClipboardReadPermission(): void {
  granted = false;
}
