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
