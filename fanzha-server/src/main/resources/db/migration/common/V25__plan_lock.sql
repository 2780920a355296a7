-- One row that plan changes lock (SELECT ... FOR UPDATE) until they commit: two reports naming the same account,
-- processed at once, must not both issue a stop to it; the second joins the first's.
CREATE TABLE funds_lock (
    name VARCHAR(16) PRIMARY KEY
);
INSERT INTO funds_lock (name) VALUES ('plan');
