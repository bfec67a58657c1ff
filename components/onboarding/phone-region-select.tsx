"use client";

import { getCountries } from "libphonenumber-js/max";
import { useMemo } from "react";
import type { CountryCode } from "@/lib/import/normalise-phone";

/** The region a phone number without a country code is read in (Portugal unless the operator says otherwise). */
export function PhoneRegionSelect({
  value,
  onChange,
}: {
  value: CountryCode;
  onChange: (region: CountryCode) => void;
}) {
  const options = useMemo(() => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    return getCountries()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);
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
            {option.name} ({option.code})
          </option>
        ))}
      </select>
    </label>
  );
}
