import { Field } from "../design/Field";
import { daypart, describeDaypart, WEEKDAYS, type DaypartDraft, type Weekday } from "./campaignForm";

interface Props {
  dayparts: DaypartDraft[];
  onChange(dayparts: DaypartDraft[]): void;
  errorOf(control: string): string | undefined;
  editable: boolean;
}

const dayName = (day: Weekday) => day.charAt(0) + day.slice(1).toLowerCase();

/** The weekly windows a campaign plays in: weekdays and a time of day each, across midnight when the end comes first. */
export function DaypartsEditor({ dayparts, onChange, errorOf, editable }: Props) {
  const update = (key: string, change: Partial<DaypartDraft>) =>
    onChange(dayparts.map((each) => (each.key === key ? { ...each, ...change } : each)));
  return (
    <fieldset className="dayparts">
      <legend>When it plays</legend>
      {dayparts.map((part, index) => {
        const weekdaysError = errorOf(`dayparts.${index}.weekdays`);
        return (
          <div key={part.key} className="card daypart" role="group" aria-label={`Time ${index + 1}: ${describeDaypart(part)}`}>
            <div className="weekdays">
              {WEEKDAYS.map((day) => (
                <label key={day}>
                  <input type="checkbox" checked={part.weekdays.includes(day)}
                         onChange={(event) => update(part.key, {
                           weekdays: event.target.checked ? [...part.weekdays, day] : part.weekdays.filter((each) => each !== day),
                         })} />
                  {dayName(day).slice(0, 3)}
                </label>
              ))}
              {weekdaysError && <span className="error" role="alert">{weekdaysError}</span>}
            </div>
            <Field label={`From (time ${index + 1})`} type="time" value={part.start} error={errorOf(`dayparts.${index}.start`)}
                   onChange={(event) => update(part.key, { start: event.target.value })} />
            <Field label={`Until (time ${index + 1})`} type="time" value={part.end} error={errorOf(`dayparts.${index}.end`)}
                   hint={part.start === part.end ? "the same time: all day" : part.end < part.start ? "ends the next day" : undefined}
                   onChange={(event) => update(part.key, { end: event.target.value })} />
            {editable && dayparts.length > 1 && (
              <button type="button" className="button secondary" onClick={() => onChange(dayparts.filter((each) => each.key !== part.key))}>
                Remove time {index + 1}
              </button>
            )}
          </div>
        );
      })}
      {editable && <button type="button" className="button secondary" onClick={() => onChange([...dayparts, daypart(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], "09:00", "17:00")])}>
        Add a time
      </button>}
    </fieldset>
  );
}
