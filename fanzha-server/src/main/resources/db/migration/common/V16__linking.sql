-- Case groups referred to the procuratorate (移送审查起诉) after linking: one row per group, keyed by its oldest case.
CREATE TABLE linking_referral (
    group_key     VARCHAR(48)  NOT NULL PRIMARY KEY,
    procuratorate VARCHAR(200) NOT NULL,
    cases         INTEGER      NOT NULL,
    case_numbers  TEXT         NOT NULL,
    referred_by   VARCHAR(64)  NOT NULL,
    referred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    note          VARCHAR(400)
);
