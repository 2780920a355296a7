-- Accounts the transfer monitor flagged as likely mules: candidates for stop payment or freeze, and for the
-- card-cutting lists.
CREATE TABLE fund_candidate (
    account_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    institution     VARCHAR(16),
    decision        VARCHAR(20)  NOT NULL,
    rules           VARCHAR(400) NOT NULL,
    reason          VARCHAR(400) NOT NULL,
    first_flagged   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_flagged    TIMESTAMP WITH TIME ZONE NOT NULL,
    times           INTEGER      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    decided_by      VARCHAR(64)
);
