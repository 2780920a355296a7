-- Card-cutting persons get a random public id: pages and API resources are addressed by it, never by the ID
-- number, which would otherwise end up in browser history, proxy logs and Referer headers. New rows get theirs
-- from the application; existing rows are filled here with four random 8-digit groups (RANDOM() runs per row on
-- both H2 and PostgreSQL, which have no common UUID function).
ALTER TABLE cardcutting_person ADD COLUMN public_id VARCHAR(36);

UPDATE cardcutting_person SET public_id =
    LPAD(CAST(CAST(FLOOR(RANDOM() * 100000000) AS BIGINT) AS VARCHAR(8)), 8, '0') || '-' ||
    LPAD(CAST(CAST(FLOOR(RANDOM() * 100000000) AS BIGINT) AS VARCHAR(8)), 8, '0') || '-' ||
    LPAD(CAST(CAST(FLOOR(RANDOM() * 100000000) AS BIGINT) AS VARCHAR(8)), 8, '0') || '-' ||
    LPAD(CAST(CAST(FLOOR(RANDOM() * 100000000) AS BIGINT) AS VARCHAR(8)), 8, '0');

ALTER TABLE cardcutting_person ALTER COLUMN public_id SET NOT NULL;

ALTER TABLE cardcutting_person ADD CONSTRAINT cardcutting_person_public_id UNIQUE (public_id);
