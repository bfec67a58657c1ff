import { ISO_ALPHA3_COUNTRIES } from "@/lib/humanos/countries";

/** A datalist of ISO 3166-1 alpha-3 codes with their names: the browser filters it as the operator types. */
export function CountryOptions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {ISO_ALPHA3_COUNTRIES.map(([code, name]) => (
        <option key={code} value={code} label={`${code} — ${name}`}>
          {`${code} — ${name}`}
        </option>
      ))}
    </datalist>
  );
}
