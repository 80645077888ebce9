-- Groups that were deleted. On replay a display's paired event (its own partition) can be folded
-- after its group's deletion (another partition); remembering deletions keeps the fold's result
-- independent of that order.
CREATE TABLE deleted_display_group (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL
);
