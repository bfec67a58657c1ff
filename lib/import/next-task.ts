/**
 * Resolves in the next task, so the page can take input and draw between two slices of a long job.
 * A MessageChannel message, not setTimeout(0): chained timeouts are held to 4 ms each once they nest,
 * which added ~0.3 s to loading 607,008 rows from a file (bench/file-import.mjs).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
