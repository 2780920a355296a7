-- Intake's merge grounds and leads (Opinion (II) 2021 art. 2): chat groups and IM accounts carry their platform, fund
-- accounts their institution, cash-out points their kind (ATM, POS merchant, gold/crypto merchant, courier address).
-- The identifier stays in case_suspect.identifier; older rows have no platform.
ALTER TABLE case_suspect ADD COLUMN platform VARCHAR(32);
