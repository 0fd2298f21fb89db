-- Each delivery's rate budget key (the SHA-256 of its destination, as in rate_keys), so that once a
-- key's budget is spent every delivery waiting for it is put back with one statement, instead of each
-- being claimed, checked and put back on its own on every pass. Deliveries queued before this column
-- existed have none and are put back one by one, as before.
alter table deliveries add column rate_key varchar(64);
-- The put-back walks the key's pending deliveries in id order (the order every statement that locks
-- several deliveries uses).
create index deliveries_rate_key on deliveries (rate_key, status, id);
