-- 0005_claims_without_figure: a claim may state that people were hit without a figure ("several people were
-- killed, police said", "et stort antall soldater ble drept"): `Claim.low` is then null (qualifier `vague`), so
-- `claims.low` may be null.  Such claims add nothing to a toll.

ALTER TABLE claims ALTER COLUMN low DROP NOT NULL;
