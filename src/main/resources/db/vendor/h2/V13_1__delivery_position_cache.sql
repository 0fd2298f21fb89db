-- H2 only (db/vendor/h2): delivery_position hands out values from a cache of 10,000 instead of H2's default 32.
-- Each time the cache runs out H2 writes the sequence to its schema in a commit of its own, a whole extra
-- write of the store: with 32 it was ~8 % of the ingest writer's CPU at 200 events/s (docs/PERFORMANCE.md,
-- seventh look). In H2 one engine serves every session, so values stay in the order they are taken whatever the
-- cache; a kill loses only unused values (a gap in positions, which only order deliveries, never count them).
alter sequence delivery_position cache 10000;
