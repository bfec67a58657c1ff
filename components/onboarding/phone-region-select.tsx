"use client";

import { getCountries } from "libphonenumber-js/max";
import { useMemo, useSyncExternalStore } from "react";
import type { CountryCode } from "@/lib/import/normalise-phone";

const subscribe = () => () => {};

/**
 * The region a phone number without a country code is read in (Portugal unless the operator says
 * otherwise). Region names come from the browser's Intl only after hydration: Node's ICU names some
 * regions differently ("Hong Kong SAR China" vs "Hong Kong"), so the server's HTML lists codes.
 */
export function PhoneRegionSelect({
  value,
  onChange,
}: {
  value: CountryCode;
  onChange: (region: CountryCode) => void;
}) {
  const isBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const options = useMemo(() => {
    const names = isBrowser ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
    return getCountries()
      .map((code) => ({ code, name: names?.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [isBrowser]);
  return (
    <label className="flex items-center gap-2 text-sm">
      Default phone region
      <select
        value={value}
        onChange={(event) => onChange(event.target.value as CountryCode)}
        className="h-8 max-w-56 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
      >
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name === option.code ? option.code : `${option.name} (${option.code})`}
          </option>
        ))}
      </select>
    </label>
  );
}
