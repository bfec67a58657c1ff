import Link from "next/link";

export default function RunNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Run not found</h1>
      <p>
        There is no run with this address. It may have been mistyped, or the console uses another database.
      </p>
      <p>
        <Link href="/runs" className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
          See every run
        </Link>
      </p>
    </div>
  );
}
