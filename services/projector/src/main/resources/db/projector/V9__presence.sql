-- Each display's last announced presence, beside Redis's (ADR 0044): Redis keeps nothing
-- across a restart, and the displays announced online are given back to it from here, so a live
-- screen is not announced online twice and a dead one is still announced offline.
CREATE TABLE display_presence (
    display_id      uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    online          boolean NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX display_presence_online ON display_presence (display_id) WHERE online;
