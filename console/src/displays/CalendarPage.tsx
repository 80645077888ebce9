import { useState } from "react";
import { Link } from "react-router";
import { Choice } from "../design/Choice";
import { Empty, Failed, Loading } from "../design/StateViews";
import { useFleet, useGroups, type FleetEntry } from "../fleet/fleet";
import { tagsOf } from "../fleet/displayFilter";
import { DisplaySchedule, SpanChoice, type Span } from "./DisplaySchedule";

type Target = "display" | "group" | "tag";
const SHOWN = 12;

/** The displays a choice of display, group or tag names. */
export function displaysOf(fleet: readonly FleetEntry[], target: Target, value: string): FleetEntry[] {
  if (!value) {
    return [];
  }
  return fleet.filter((entry) => target === "display" ? entry.displayId === value : target === "group" ? entry.groupIds.includes(value) : entry.tags.includes(value));
}

/**
 * What a display, a group or a tag will play for a week or a month: each display's compiled
 * timeline on its own clock, which campaign wins where and why, and which ones give way.
 */
export function CalendarPage() {
  const fleet = useFleet();
  const groups = useGroups();
  const [target, setTarget] = useState<Target>("group");
  const [value, setValue] = useState("");
  const [span, setSpan] = useState<Span>(7);
  if (fleet.isPending) {
    return <Loading what="the fleet" />;
  }
  if (fleet.isError) {
    return <Failed error={fleet.error} retry={() => void fleet.refetch()} />;
  }
  const options = target === "display" ? fleet.data.map((entry) => ({ value: entry.displayId, label: entry.name }))
    : target === "group" ? (groups.data ?? []).map((group) => ({ value: group.groupId, label: group.name }))
    : tagsOf(fleet.data).map((tag) => ({ value: tag, label: tag }));
  const displays = displaysOf(fleet.data, target, value);
  return (
    <>
      <h1>Calendar</h1>
      <div className="toolbar">
        <Choice label="Of" value={target} onChange={(next) => { setTarget(next as Target); setValue(""); }}
                options={[{ value: "display", label: "a display" }, { value: "group", label: "a group" }, { value: "tag", label: "a tag" }]} />
        <Choice label={target === "display" ? "Display" : target === "group" ? "Group" : "Tag"} value={value} onChange={setValue} none="Choose…" options={options} />
        <SpanChoice span={span} onChange={setSpan} />
      </div>
      {!value ? <Empty>Choose a display, a group or a tag to see what it will play and which campaign wins where.</Empty>
        : displays.length === 0 ? <Empty>No display is in it yet.</Empty> : (
          <>
            {displays.slice(0, SHOWN).map((entry) => (
              <section key={entry.displayId} className="card calendar-display" aria-label={entry.name}>
                <h2><Link to={`/displays/${entry.displayId}`}>{entry.name}</Link> <span className="muted">({entry.timeZone})</span></h2>
                <DisplaySchedule displayId={entry.displayId} timeZone={entry.timeZone} span={span} />
              </section>
            ))}
            {displays.length > SHOWN && <p className="muted">{displays.length - SHOWN} more displays: choose one of them to see it.</p>}
          </>
        )}
    </>
  );
}
