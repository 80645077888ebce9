/** The plays report by day (the projector's /stats/plays?by=day): a row per local date of the displays. */
export interface PlayStats {
  rows: { key: string; plays: number; failed: number }[];
}

/** Plays on the given date, and failures over the whole report (yesterday and today: the last day, whatever the displays' zones). */
export function playCounts(stats: PlayStats, today: string): { today: number; failed: number } {
  return {
    today: stats.rows.filter((row) => row.key === today).reduce((sum, row) => sum + row.plays, 0),
    failed: stats.rows.reduce((sum, row) => sum + row.failed, 0),
  };
}

/** The date in the browser's own time zone, as the API writes dates (YYYY-MM-DD). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}
