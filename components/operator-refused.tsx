/**
 * What a page shows instead of its content when the caller is not a configured operator. proxy.ts
 * normally answers 401 first; a page that reads runs checks again (requireOperator), as the server
 * actions and API routes do, since a proxy alone is no security boundary.
 */
export function OperatorRefused({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      {message}
    </p>
  );
}
