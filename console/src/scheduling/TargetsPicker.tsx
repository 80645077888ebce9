import { useState } from "react";
import { Field } from "../design/Field";

interface Option {
  id: string;
  name: string;
}

interface Props {
  legend: string;
  options: readonly Option[];
  /** Whether the options are loaded: only then is a chosen id missing from them one that no longer exists. */
  loaded: boolean;
  chosen: readonly string[];
  onChange(chosen: string[]): void;
}

const SHOWN = 50;

/**
 * Choosing some of many (displays, groups): a search narrows the list; what is chosen stays in view,
 * a chosen one removed since (an unpaired display, a deleted group) too, so that it can be unticked:
 * the service refuses to save a campaign naming it.
 */
export function TargetsPicker({ legend, options, loaded, chosen, onChange }: Props) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const gone = loaded ? chosen.filter((id) => !options.some((option) => option.id === id)) : [];
  const matching = [...gone.map((id) => ({ id, name: `Removed since it was chosen (${id})` })),
    ...options.filter((option) => chosen.includes(option.id) || option.name.toLowerCase().includes(needle))];
  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      {options.length > 8 && <Field label={`Search ${legend.toLowerCase()}`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />}
      {options.length === 0 && <p className="muted">None yet.</p>}
      {matching.slice(0, SHOWN).map((option) => (
        <label key={option.id}>
          <input type="checkbox" checked={chosen.includes(option.id)}
                 onChange={(event) => onChange(event.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))} />
          {option.name}
        </label>
      ))}
      {matching.length > SHOWN && <p className="muted">{matching.length - SHOWN} more: search to narrow the list.</p>}
    </fieldset>
  );
}

/** Every display of the organisation at once, in place of choosing some. */
export function WholeOrganisationChoice({ chosen, onChange }: { chosen: boolean; onChange(chosen: boolean): void }) {
  return (
    <label className="whole-organisation">
      <input type="checkbox" checked={chosen} onChange={(event) => onChange(event.target.checked)} />
      Whole organisation: every display
    </label>
  );
}
