-- The name of this schema's generation of consumer groups. Dropping the schema (a rebuild) makes a
-- new one, whose groups have no offsets and so read every topic from the beginning.
CREATE TABLE generation (
    name text NOT NULL
);
INSERT INTO generation (name) VALUES ('projector-' || gen_random_uuid());
